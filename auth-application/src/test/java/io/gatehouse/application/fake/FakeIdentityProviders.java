package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
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

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One OpenID provider, {@code oidc}, that vouches for whoever a test registered under a code: the callback's
 * {@code code} picks the claims, its {@code state} must be the kept one. The real protocol is tested in the adapter.
 */
public final class FakeIdentityProviders implements IdentityProviders {

    public static final String ID = "oidc";

    private final Map<String, Map<String, Object>> claimsByCode = new HashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final Provider provider = new Provider();
    /** How many refreshes were asked for. */
    public final AtomicInteger refreshes = new AtomicInteger();
    /** What the next refreshes answer. */
    public volatile RefreshOutcome refreshAnswer = new RefreshOutcome.Refused(RefreshRefusal.NOT_SUPPORTED);
    /** What the next logout tokens answer. */
    public volatile LogoutTokenOutcome logoutAnswer = new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER);
    /** Whether the provider returns by {@code form_post}, as Apple does. */
    public volatile boolean formPost = false;
    /** What the provider's introspection says each access token was issued to; unknown tokens name no client. */
    public final Map<String, String> tokenClients = new java.util.concurrent.ConcurrentHashMap<>();
    /** The provider's own picture endpoint, if any (as Microsoft Graph's). */
    public volatile Optional<URI> pictureUrl = Optional.empty();
    /** When the access tokens of the next logins expire. */
    public volatile Optional<Instant> accessTokensExpireAt = Optional.empty();

    /** The user the provider signs in when the callback carries {@code code}; {@code sub} is the subject. */
    public void vouchFor(String code, Map<String, Object> claims) {
        claimsByCode.put(code, Map.copyOf(claims));
    }

    @Override
    public List<IdentityProvider> all() {
        return List.of(provider);
    }

    @Override
    public Optional<IdentityProvider> find(String id) {
        return ID.equals(id) ? Optional.of(provider) : Optional.empty();
    }

    @Override
    public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
        return logoutAnswer;
    }

    private final class Provider implements IdentityProvider {

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String displayName() {
            return "Test IdP";
        }

        @Override
        public boolean isOpenId() {
            return true;
        }

        @Override
        public Optional<URI> pictureUrl() {
            return pictureUrl;
        }

        @Override
        public LoginRedirect beginLogin(URI redirectUri) {
            String state = "state-" + logins.incrementAndGet();
            return new LoginRedirect(URI.create("https://idp.example/authorize?state=" + state
                    + (formPost ? "&response_mode=form_post" : "")),
                    new LoginState(ID, state, Optional.of("nonce"), Optional.of("verifier"), redirectUri));
        }

        @Override
        public LoginOutcome completeLogin(LoginCallback callback, LoginState kept) {
            if (!callback.state().equals(Optional.of(kept.state()))) {
                return new LoginOutcome.Refused(LoginRefusal.STATE_MISMATCH);
            }
            Map<String, Object> claims = callback.code().map(claimsByCode::get).orElse(null);
            if (claims == null) {
                return new LoginOutcome.Refused(LoginRefusal.CODE_REJECTED);
            }
            return new LoginOutcome.SignedIn(new ExternalIdentity(ID, (String) claims.get("sub"), claims,
                    new ProviderTokens("access-" + callback.code().get(), Optional.of("refresh-" + callback.code().get()),
                            Optional.of("id-token-" + callback.code().get()), accessTokensExpireAt, Optional.empty())));
        }

        @Override
        public RefreshOutcome refresh(String refreshToken) {
            refreshes.incrementAndGet();
            return refreshAnswer;
        }

        @Override
        public Optional<ExternalIdentity> identify(String accessToken) {
            return Optional.ofNullable(claimsByCode.get(accessToken)).map(claims -> new ExternalIdentity(ID,
                    (String) claims.get("sub"), claims, new ProviderTokens(accessToken, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty())));
        }

        @Override
        public Optional<String> tokenClient(String accessToken) {
            return Optional.ofNullable(tokenClients.get(accessToken));
        }

        @Override
        public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
            return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.NOT_SUPPORTED);
        }

        @Override
        public Optional<URI> logoutUrl(Optional<String> idTokenHint, Optional<URI> postLogoutRedirectUri) {
            return Optional.of(URI.create("https://idp.example/logout?id_token_hint=" + idTokenHint.orElse("")));
        }
    }
}
