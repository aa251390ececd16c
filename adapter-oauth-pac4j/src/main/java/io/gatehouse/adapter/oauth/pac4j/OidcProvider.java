package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.application.port.out.InfrastructureException;
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
import org.pac4j.core.context.CallContext;
import org.pac4j.core.exception.TechnicalException;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.credentials.OidcCredentials;
import org.pac4j.oidc.credentials.authenticator.OidcAuthenticator;
import org.pac4j.oidc.exceptions.OidcIssuerMismatchException;
import org.pac4j.oidc.exceptions.OidcMissingSessionStateException;
import org.pac4j.oidc.exceptions.OidcMissingStateParameterException;
import org.pac4j.oidc.exceptions.OidcStateMismatchException;
import org.pac4j.oidc.exceptions.OidcTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OpenID provider on pac4j's {@code OidcClient}. pac4j builds the authorization request, checks the callback's
 * state and issuer, redeems the code and checks the id_token; this class feeds it the kept login state, reads the
 * user information endpoint for the raw claims, and turns pac4j's exceptions into refusal reasons.
 */
final class OidcProvider implements IdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final Set<String> ASYMMETRIC = Set.of("RS", "PS", "ES", "Ed");

    private final ProviderSettings settings;
    private final OidcClient client;
    private final Clock clock;
    private volatile LogoutTokenChecks logoutChecks;

    OidcProvider(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.client = OidcConfigurations.client(settings);
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
        return true;
    }

    @Override
    public Optional<URI> pictureUrl() {
        return settings.pictureUrl();
    }

    @Override
    public LoginRedirect beginLogin(URI redirectUri) {
        LoginSession session = new LoginSession();
        CallContext call = new CallContext(new CallbackRequest(redirectUri, Map.of()), session);
        RedirectionAction action;
        try {
            client.init();
            action = client.getRedirectionActionBuilder().getRedirectionAction(call).orElseThrow();
        } catch (TechnicalException failure) {
            throw unreachable(failure);
        }
        String state = session.value(client.getStateSessionAttributeName()).map(value -> ((State) value).getValue())
                .orElseThrow();
        Optional<String> nonce = session.value(client.getNonceSessionAttributeName()).map(String.class::cast);
        Optional<String> verifier = session.value(client.getCodeVerifierSessionAttributeName())
                .map(value -> ((CodeVerifier) value).getValue());
        return new LoginRedirect(URI.create(((WithLocationAction) action).getLocation()),
                new LoginState(id(), state, nonce, verifier, redirectUri));
    }

    @Override
    public LoginOutcome completeLogin(LoginCallback callback, LoginState kept) {
        if (!kept.provider().equals(id()) || kept.nonce().isEmpty()
                || callback.state().filter(state -> sameText(state, kept.state())).isEmpty()) {
            return refused(LoginRefusal.STATE_MISMATCH);
        }
        if (callback.error().isPresent()) {
            return refused(LoginRefusal.PROVIDER_ERROR);
        }
        if (callback.code().isEmpty()) {
            return refused(LoginRefusal.MISSING_CODE);
        }
        CallContext call = callbackCall(callback, kept);

        OidcCredentials credentials;
        try {
            client.init();
            credentials = (OidcCredentials) client.getCredentialsExtractor().extract(call).orElse(null);
        } catch (OidcIssuerMismatchException mixUp) {
            return refused(LoginRefusal.WRONG_ISSUER);
        } catch (OidcStateMismatchException | OidcMissingSessionStateException | OidcMissingStateParameterException e) {
            return refused(LoginRefusal.STATE_MISMATCH);
        } catch (TechnicalException failure) {
            // the metadata could not be fetched, or the callback's parameters make no authorization response
            return refusedAfter(causedByIo(failure) ? LoginRefusal.PROVIDER_UNREACHABLE : LoginRefusal.PROVIDER_ERROR,
                    failure);
        }
        if (credentials == null) {
            return refused(LoginRefusal.PROVIDER_ERROR);
        }
        try {
            client.getAuthenticator().validate(call, credentials);
        } catch (OidcTokenException rejected) {
            return refused(LoginRefusal.CODE_REJECTED);
        } catch (TechnicalException failure) {
            return refusedAfter(LoginRefusal.PROVIDER_UNREACHABLE, failure);
        }
        if (credentials.getIdToken() == null || credentials.getAccessToken() == null) {
            // pac4j would build a profile without an id_token; an OpenID login is not complete without one
            return refused(LoginRefusal.MISSING_ID_TOKEN);
        }
        OIDCProviderMetadata metadata;
        try {
            metadata = metadata();
        } catch (InfrastructureException unreachable) {
            return refusedAfter(LoginRefusal.PROVIDER_UNREACHABLE, unreachable);
        }
        Map<String, Object> claims;
        try {
            claims = new LinkedHashMap<>(client.getConfiguration().getOpMetadataResolver().getTokenValidator()
                    .validateIdToken(credentials.toIdToken(), new Nonce(kept.nonce().get())).toJSONObject());
        } catch (Exception refusal) { // Nimbus's checked BadJOSEException / JOSEException, or pac4j's wrapping
            if (causedByIo(refusal)) {
                return refusedAfter(LoginRefusal.PROVIDER_UNREACHABLE, refusal);
            }
            return refusedAfter(IdTokenDiagnosis.of(credentials.getIdToken(),
                    TenantIssuers.expectedFor(metadata.getIssuer().getValue(), credentials.getIdToken()),
                    settings.clientId(), kept.nonce(), clock.instant(), OidcConfigurations.CLOCK_SKEW), refusal);
        }
        AccessToken accessToken = credentials.toAccessToken();
        if (metadata.getUserInfoEndpointURI() != null) {
            Optional<Map<String, Object>> userInfo;
            try {
                userInfo = userInfo(metadata.getUserInfoEndpointURI(), accessToken);
            } catch (IOException unreachable) {
                return refusedAfter(LoginRefusal.PROVIDER_UNREACHABLE, unreachable);
            }
            if (userInfo.isPresent()) {
                // OpenID Connect Core §5.3.4: an answer about another subject must not be used
                if (!claims.get("sub").equals(userInfo.get().get("sub"))) {
                    return refused(LoginRefusal.SUBJECT_MISMATCH);
                }
                // user information wins (but a null says nothing); claims only the id_token has stay
                userInfo.get().forEach((name, value) -> {
                    if (value != null) {
                        claims.put(name, value);
                    }
                });
            }
        }
        Optional<String> subject = ClaimText.of(claims.get(settings.effectiveSubjectClaim()));
        if (subject.isEmpty()) {
            return refused(LoginRefusal.MISSING_SUBJECT);
        }
        ProviderTokens tokens = tokens(accessToken, Optional.ofNullable(credentials.toRefreshToken()),
                Optional.of(credentials.getIdToken()));
        return new LoginOutcome.SignedIn(new ExternalIdentity(id(), subject.get(), claims, tokens));
    }

    private CallContext callbackCall(LoginCallback callback, LoginState kept) {
        LoginSession session = new LoginSession();
        session.put(client.getStateSessionAttributeName(), new State(kept.state()));
        session.put(client.getNonceSessionAttributeName(), kept.nonce().orElseThrow());
        kept.codeVerifier().ifPresent(verifier ->
                session.put(client.getCodeVerifierSessionAttributeName(), new CodeVerifier(verifier)));
        Map<String, String> parameters = new HashMap<>();
        callback.code().ifPresent(code -> parameters.put("code", code));
        callback.state().ifPresent(state -> parameters.put("state", state));
        callback.issuer().ifPresent(issuer -> parameters.put("iss", issuer));
        return new CallContext(new CallbackRequest(kept.redirectUri(), parameters), session);
    }

    @Override
    public Optional<ExternalIdentity> identify(String accessToken) {
        OIDCProviderMetadata metadata = metadata();
        if (metadata.getUserInfoEndpointURI() == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> claims;
        try {
            claims = userInfo(metadata.getUserInfoEndpointURI(), new BearerAccessToken(accessToken));
        } catch (IOException failure) {
            throw unreachable(failure);
        }
        return claims.flatMap(found -> ClaimText.of(found.get(settings.effectiveSubjectClaim())).map(subject ->
                new ExternalIdentity(id(), subject, found, new ProviderTokens(accessToken, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()))));
    }

    /**
     * Token introspection as Open WebUI does it for trusted clients: the token with {@code token_type_hint}, this
     * client's credentials by HTTP Basic (an empty secret for a public client), and the {@code client_id} of an
     * active token in the answer.
     */
    @Override
    public Optional<String> tokenClient(String accessToken) {
        URI endpoint = metadata().getIntrospectionEndpointURI();
        if (endpoint == null) {
            LOG.info("provider {}: no introspection endpoint, so no token's client can be known", id());
            return Optional.empty();
        }
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
        client.getConfiguration().configureHttpRequest(request);
        request.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        request.setAuthorization(settings.basicAuthorization());
        request.setBody(LogoutUrl.query(Map.of("token", accessToken, "token_type_hint", "access_token")));
        HTTPResponse response;
        try {
            response = request.send();
        } catch (IOException failure) {
            throw unreachable(failure);
        }
        if (response.getStatusCode() >= 500) {
            throw new InfrastructureException("identity provider " + id() + ": introspection answered "
                    + response.getStatusCode());
        }
        if (response.getStatusCode() != 200) {
            LOG.info("provider {}: introspection refused (status {})", id(), response.getStatusCode());
            return Optional.empty();
        }
        try {
            Map<String, Object> answer = response.getBodyAsJSONObject();
            return Boolean.TRUE.equals(answer.get("active")) ? ClaimText.of(answer.get("client_id")) : Optional.empty();
        } catch (ParseException notJson) {
            LOG.info("provider {}: introspection answered something unreadable", id());
            return Optional.empty();
        }
    }

    /** The raw claims of the user information endpoint; empty when it answers an error (pac4j's lenience). */
    private Optional<Map<String, Object>> userInfo(URI endpoint, AccessToken accessToken) throws IOException {
        HTTPRequest request = new UserInfoRequest(endpoint, accessToken).toHTTPRequest();
        client.getConfiguration().configureHttpRequest(request);
        HTTPResponse response = request.send();
        if (response.getStatusCode() >= 500) {
            throw new IOException("user information endpoint answered " + response.getStatusCode());
        }
        try {
            UserInfoResponse parsed = UserInfoResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                LOG.info("provider {}: the user information endpoint refused the access token", id());
                return Optional.empty();
            }
            UserInfo info = parsed.toSuccessResponse().getUserInfo();
            // a signed or encrypted answer is not read: the id_token's claims stand alone then
            return Optional.ofNullable(info).map(UserInfo::toJSONObject);
        } catch (ParseException unreadable) {
            LOG.info("provider {}: the user information endpoint answered something unreadable", id());
            return Optional.empty();
        }
    }

    @Override
    public RefreshOutcome refresh(String refreshToken) {
        OidcCredentials credentials = new OidcCredentials();
        credentials.setRefreshTokenObject(new RefreshToken(refreshToken));
        try {
            client.init();
            ((OidcAuthenticator) client.getAuthenticator()).refresh(credentials);
        } catch (OidcTokenException rejected) {
            return new RefreshOutcome.Refused(RefreshRefusal.REJECTED);
        } catch (TechnicalException failure) {
            LOG.info("provider {}: refresh failed ({})", id(), failure.getClass().getSimpleName());
            return new RefreshOutcome.Refused(RefreshRefusal.PROVIDER_UNREACHABLE);
        }
        if (credentials.getAccessToken() == null) {
            return new RefreshOutcome.Refused(RefreshRefusal.REJECTED);
        }
        Optional<String> idToken = Optional.ofNullable(credentials.getIdToken());
        if (idToken.isPresent()) {
            try {
                client.getConfiguration().getOpMetadataResolver().getTokenValidator()
                        .validateIdToken(credentials.toIdToken(), null);
            } catch (Exception refusal) { // Nimbus's checked exceptions, or pac4j's wrapping
                return new RefreshOutcome.Refused(causedByIo(refusal)
                        ? RefreshRefusal.PROVIDER_UNREACHABLE : RefreshRefusal.BAD_TOKEN);
            }
        }
        RefreshToken next = Optional.ofNullable(credentials.toRefreshToken()).orElse(new RefreshToken(refreshToken));
        return new RefreshOutcome.Refreshed(tokens(credentials.toAccessToken(), Optional.of(next), idToken));
    }

    @Override
    public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
        LogoutTokenChecks checks;
        try {
            checks = logoutChecks();
        } catch (InfrastructureException unreachable) {
            return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.PROVIDER_UNREACHABLE);
        }
        return checks.check(logoutToken);
    }

    /** The provider's issuer, or empty when its metadata cannot be fetched now. */
    Optional<String> issuer() {
        try {
            return Optional.of(metadata().getIssuer().getValue());
        } catch (InfrastructureException unreachable) {
            return Optional.empty();
        }
    }

    private LogoutTokenChecks logoutChecks() {
        LogoutTokenChecks checks = logoutChecks;
        if (checks == null) {
            OIDCProviderMetadata metadata = metadata();
            // Signed like the id_token; symmetric algorithms would let anyone holding the client secret forge one.
            Set<JWSAlgorithm> algorithms = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(java.util.List.of())
                    .stream().filter(alg -> ASYMMETRIC.stream().anyMatch(alg.getName()::startsWith))
                    .collect(Collectors.toSet());
            if (algorithms.isEmpty()) {
                algorithms = Set.of(JWSAlgorithm.RS256);
            }
            try {
                checks = new LogoutTokenChecks(id(), metadata.getIssuer().getValue(), settings.clientId(), algorithms,
                        JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                                client.getConfiguration().getResourceRetriever()).build(),
                        clock, OidcConfigurations.CLOCK_SKEW);
            } catch (MalformedURLException | IllegalArgumentException | NullPointerException badMetadata) {
                throw new InfrastructureException("identity provider " + id() + " publishes no usable JWKS URL");
            }
            logoutChecks = checks;
        }
        return checks;
    }

    @Override
    public Optional<URI> logoutUrl(Optional<String> idTokenHint, Optional<URI> postLogoutRedirectUri) {
        Optional<URI> endpoint = settings.endSessionEndpoint().or(() -> Optional.ofNullable(
                metadata().getEndSessionEndpointURI()));
        return endpoint.map(uri -> LogoutUrl.build(uri, settings.clientId(), idTokenHint, postLogoutRedirectUri));
    }

    private OIDCProviderMetadata metadata() {
        try {
            client.init();
            return client.getConfiguration().getOpMetadataResolver().load();
        } catch (TechnicalException failure) {
            throw unreachable(failure);
        }
    }

    private ProviderTokens tokens(AccessToken accessToken, Optional<RefreshToken> refreshToken,
                                  Optional<String> idToken) {
        return new ProviderTokens(accessToken.getValue(), refreshToken.map(RefreshToken::getValue), idToken,
                accessToken.getLifetime() > 0
                        ? Optional.of(clock.instant().plusSeconds(accessToken.getLifetime())) : Optional.empty(),
                Optional.ofNullable(accessToken.getScope()).map(Object::toString));
    }

    private InfrastructureException unreachable(Exception failure) {
        return new InfrastructureException("identity provider " + id() + (causedByIo(failure)
                ? " cannot be reached" : " cannot be used: its metadata or this configuration is not usable"), failure);
    }

    private LoginOutcome refusedAfter(LoginRefusal reason, Exception cause) {
        // the class only: messages of token libraries can quote claims and nonces
        LOG.info("provider {}: login refused, {} ({})", id(), reason, cause.getClass().getSimpleName());
        return new LoginOutcome.Refused(reason);
    }

    private LoginOutcome refused(LoginRefusal reason) {
        LOG.info("provider {}: login refused, {}", id(), reason);
        return new LoginOutcome.Refused(reason);
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Compares in time independent of where the texts differ, as for any secret. */
    static boolean sameText(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
