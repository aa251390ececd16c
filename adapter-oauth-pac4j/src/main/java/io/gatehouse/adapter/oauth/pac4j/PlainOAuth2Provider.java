package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.Kind;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.TokenEndpointAuthMethod;
import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import io.gatehouse.application.port.out.oauth.LoginState;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;
import io.gatehouse.application.port.out.oauth.ProviderTokens;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import io.gatehouse.application.port.out.oauth.RefreshRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain OAuth 2.0 provider (GitHub, Discord, Feishu) over {@code java.net.http}: no id_token, so the user is who
 * the provider's user endpoint says the access token belongs to. State and PKCE S256 protect the callback as for
 * OpenID providers. pac4j's GitHub client is not used: it fixes github.com's URLs (no Enterprise, no stand-in in
 * tests), lacks the e-mail fallback, and would pull ScribeJava in for three small HTTP calls.
 */
final class PlainOAuth2Provider implements IdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PlainOAuth2Provider.class);

    private final ProviderSettings settings;
    private final ProviderSettings.Endpoints endpoints;
    private final HttpClient http;
    private final Clock clock;

    PlainOAuth2Provider(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.endpoints = settings.endpoints().orElseThrow();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public boolean isOpenId() {
        return false;
    }

    @Override
    public Optional<URI> pictureUrl() {
        return settings.pictureUrl();
    }

    @Override
    public LoginRedirect beginLogin(URI redirectUri) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", settings.clientId());
        parameters.put("redirect_uri", redirectUri.toString());
        parameters.put("scope", String.join(" ", settings.scopes()));
        settings.audience().ifPresent(audience -> parameters.put("audience", audience));
        parameters.putAll(settings.authorizeParams());
        // set last, so that configured parameters can never replace them
        parameters.put("state", state.getValue());
        parameters.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        parameters.put("code_challenge_method", "S256");
        URI authorization = endpoints.authorization();
        URI url = URI.create(authorization + (authorization.getRawQuery() == null ? "?" : "&")
                + LogoutUrl.query(parameters));
        return new LoginRedirect(url, new LoginState(id(), state.getValue(), Optional.empty(),
                Optional.of(verifier.getValue()), redirectUri));
    }

    @Override
    public LoginOutcome completeLogin(LoginCallback callback, LoginState kept) {
        if (!kept.provider().equals(id())
                || callback.state().filter(state -> OidcProvider.sameText(state, kept.state())).isEmpty()) {
            return refused(LoginRefusal.STATE_MISMATCH);
        }
        if (callback.error().isPresent()) {
            return refused(LoginRefusal.PROVIDER_ERROR);
        }
        if (callback.code().isEmpty()) {
            return refused(LoginRefusal.MISSING_CODE);
        }
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", callback.code().get());
        grant.put("redirect_uri", kept.redirectUri().toString());
        kept.codeVerifier().ifPresent(verifier -> grant.put("code_verifier", verifier));
        if (settings.tokenRequests().clientIdInCodeExchange()) {
            // with HTTP Basic it would not be in the body otherwise (client_secret_post puts it there anyway)
            grant.put("client_id", settings.clientId());
        }
        try {
            Optional<Map<String, Object>> answer = tokenRequest(grant);
            if (answer.isEmpty()) {
                return refused(LoginRefusal.CODE_REJECTED);
            }
            String accessToken = (String) answer.get().get("access_token");
            Map<String, Object> claims = claims(accessToken);
            Optional<String> subject = ClaimText.of(claims.get(settings.effectiveSubjectClaim()));
            if (subject.isEmpty()) {
                return refused(LoginRefusal.MISSING_SUBJECT);
            }
            return new LoginOutcome.SignedIn(new ExternalIdentity(id(), subject.get(), claims,
                    tokens(answer.get(), Optional.empty())));
        } catch (Unreachable unreachable) {
            LOG.info("provider {}: login refused, provider unreachable ({})", id(), unreachable.getMessage());
            return new LoginOutcome.Refused(LoginRefusal.PROVIDER_UNREACHABLE);
        }
    }

    @Override
    public RefreshOutcome refresh(String refreshToken) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", refreshToken);
        if (settings.tokenRequests().scopeOnRefresh()) {
            grant.put("scope", String.join(" ", settings.scopes()));
        }
        try {
            return tokenRequest(grant)
                    .<RefreshOutcome>map(answer -> new RefreshOutcome.Refreshed(tokens(answer, Optional.of(refreshToken))))
                    .orElse(new RefreshOutcome.Refused(RefreshRefusal.REJECTED));
        } catch (Unreachable unreachable) {
            return new RefreshOutcome.Refused(RefreshRefusal.PROVIDER_UNREACHABLE);
        }
    }

    @Override
    public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
        return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.NOT_SUPPORTED);
    }

    @Override
    public Optional<URI> logoutUrl(Optional<String> idTokenHint, Optional<URI> postLogoutRedirectUri) {
        // only a configured end-session endpoint (Open WebUI's OPENID_END_SESSION_ENDPOINT): there is no id_token
        return settings.endSessionEndpoint().map(endpoint ->
                LogoutUrl.build(endpoint, settings.clientId(), Optional.empty(), postLogoutRedirectUri));
    }

    /**
     * The token endpoint's answer, or empty when it refused the grant. GitHub answers errors with status 200 and an
     * {@code error} member; Feishu with a non-zero {@code code}; both count as refusals.
     */
    private Optional<Map<String, Object>> tokenRequest(Map<String, String> grant) {
        Map<String, String> body = new LinkedHashMap<>(grant);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints.token()).timeout(settings.timeout())
                .header("Accept", "application/json");
        boolean basic = settings.tokenEndpointAuthMethod().orElse(TokenEndpointAuthMethod.CLIENT_SECRET_POST)
                == TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
        String secret = settings.clientSecret().orElseThrow();
        if (basic) {
            request.header("Authorization", settings.basicAuthorization());
        } else {
            body.put("client_id", settings.clientId());
            body.put("client_secret", secret);
        }
        if (settings.kind() == Kind.FEISHU) {
            // Feishu's v2 token endpoint reads JSON only
            request.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(new LinkedHashMap<>(body))));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LogoutUrl.query(body)));
        }
        HttpResponse<String> response = send(request.build(), "token endpoint");
        if (response.statusCode() >= 500) {
            throw new Unreachable("token endpoint answered " + response.statusCode());
        }
        Map<String, Object> answer;
        try {
            answer = JSONObjectUtils.parse(response.body());
        } catch (ParseException notJson) {
            return Optional.empty();
        }
        boolean feishuError = answer.get("code") instanceof Number code && code.longValue() != 0;
        if (response.statusCode() != 200 || answer.containsKey("error") || feishuError
                || !(answer.get("access_token") instanceof String token) || token.isEmpty()) {
            LOG.info("provider {}: the token endpoint refused the grant (status {})", id(), response.statusCode());
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    @Override
    public Optional<ExternalIdentity> identify(String accessToken) {
        Map<String, Object> claims;
        try {
            claims = claims(accessToken);
        } catch (Unreachable refusedOrDown) {
            LOG.info("provider {}: no profile for the access token ({})", id(), refusedOrDown.getMessage());
            return Optional.empty();
        }
        return ClaimText.of(claims.get(settings.effectiveSubjectClaim())).map(subject -> new ExternalIdentity(id(),
                subject, claims, new ProviderTokens(accessToken, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())));
    }

    /** The user's profile, with GitHub's verified e-mail and Discord's verification as {@code email_verified}. */
    private Map<String, Object> claims(String accessToken) {
        Map<String, Object> claims = userInfo(accessToken);
        if (settings.kind() == Kind.GITHUB) {
            addVerifiedEmail(claims, accessToken);
        } else if (settings.kind() == Kind.DISCORD && claims.get("verified") instanceof Boolean verified) {
            claims.put("email_verified", verified);
        }
        return claims;
    }

    private Map<String, Object> userInfo(String accessToken) {
        Map<String, Object> profile = getJson(endpoints.userInfo(), accessToken, "user endpoint")
                .flatMap(PlainOAuth2Provider::object).orElseThrow(() -> new Unreachable("user endpoint gave no profile"));
        if (settings.kind() == Kind.FEISHU && profile.get("data") instanceof Map) {
            return object(profile.get("data")).orElseThrow();
        }
        return profile;
    }

    /**
     * GitHub's e-mail: when the profile has none public, the primary address, and only if GitHub verified it; when it
     * has one, whether GitHub verified that one. Open WebUI takes the primary address unverified (OW §7.4 step 5),
     * which lets an unverified address link to someone else's account.
     */
    private void addVerifiedEmail(Map<String, Object> claims, String accessToken) {
        Optional<String> publicEmail = ClaimText.of(claims.get("email"));
        List<Map<String, Object>> emails;
        try {
            emails = getJson(URI.create(endpoints.userInfo() + "/emails"), accessToken, "e-mail list")
                    .map(PlainOAuth2Provider::objects).orElse(List.of());
        } catch (Unreachable unreachable) {
            LOG.info("provider {}: the e-mail list could not be read", id());
            emails = List.of();
        }
        for (Map<String, Object> email : emails) {
            Optional<String> address = ClaimText.of(email.get("email"));
            boolean verified = Boolean.TRUE.equals(email.get("verified"));
            if (publicEmail.isPresent() ? address.equals(publicEmail)
                    : Boolean.TRUE.equals(email.get("primary")) && verified) {
                claims.put("email", address.orElseThrow());
                claims.put("email_verified", verified);
                return;
            }
        }
    }

    /** The parsed JSON body of a GET with the access token; empty for a 4xx answer. */
    private Optional<Object> getJson(URI url, String accessToken, String what) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                // GitHub's API refuses requests without a User-Agent
                .header("User-Agent", "Gatehouse").GET().build();
        HttpResponse<String> response = send(request, what);
        if (response.statusCode() >= 500) {
            throw new Unreachable(what + " answered " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            String body = response.body().strip();
            return Optional.of(body.startsWith("[") ? JSONArrayUtils.parse(body) : JSONObjectUtils.parse(body));
        } catch (ParseException notJson) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new Unreachable(what + " not reachable (" + failure.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Unreachable(what + " call interrupted");
        }
    }

    private ProviderTokens tokens(Map<String, Object> answer, Optional<String> previousRefreshToken) {
        Optional<String> refreshToken = ClaimText.of(answer.get("refresh_token")).or(() -> previousRefreshToken);
        Optional<java.time.Instant> expiresAt = answer.get("expires_in") instanceof Number seconds && seconds.longValue() > 0
                ? Optional.of(clock.instant().plusSeconds(seconds.longValue())) : Optional.empty();
        return new ProviderTokens((String) answer.get("access_token"), refreshToken, Optional.empty(), expiresAt,
                ClaimText.of(answer.get("scope")));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(Object json) {
        return json instanceof Map ? Optional.of(new LinkedHashMap<>((Map<String, Object>) json)) : Optional.empty();
    }

    private static List<Map<String, Object>> objects(Object json) {
        return json instanceof List<?> list
                ? list.stream().map(PlainOAuth2Provider::object).flatMap(Optional::stream).toList() : List.of();
    }

    private LoginOutcome refused(LoginRefusal reason) {
        LOG.info("provider {}: login refused, {}", id(), reason);
        return new LoginOutcome.Refused(reason);
    }

    /** The provider could not be reached or failed on its side; the message names the call, never a value. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
