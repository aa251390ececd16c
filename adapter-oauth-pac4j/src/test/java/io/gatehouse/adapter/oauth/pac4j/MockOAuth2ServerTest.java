package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import io.gatehouse.application.port.out.oauth.LoginState;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import io.gatehouse.application.port.out.oauth.RefreshRefusal;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole login against mock-oauth2-server as a real OpenID provider over HTTP, two issuers at once. */
class MockOAuth2ServerTest {

    private static final String CLIENT_ID = "gatehouse";
    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/oauth/corp/login/callback");
    private static MockOAuth2Server server;
    private static IdentityProviders providers;

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        providers = Pac4jIdentityProviders.of(List.of(
                settings("corp").withDisplayName("Corp SSO"),
                settings("partner")));
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    private static ProviderSettings settings(String issuer) {
        return ProviderSettings.openId(issuer, CLIENT_ID, Optional.of("secret"),
                URI.create(server.wellKnownUrl(issuer).toString()));
    }

    private static IdentityProvider provider(String id) {
        return providers.find(id).orElseThrow();
    }

    private static void nextLoginIs(String issuer, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    private static LoginOutcome login(IdentityProvider provider) {
        LoginRedirect redirect = provider.beginLogin(REDIRECT);
        return provider.completeLogin(LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())),
                redirect.kept());
    }

    private static ExternalIdentity signedIn(LoginOutcome outcome) {
        return assertInstanceOf(LoginOutcome.SignedIn.class, outcome, outcome.toString()).identity();
    }

    @Test
    void introspectionNamesTheClientAnActiveTokenWasIssuedTo() {
        String forMobile = server.issueToken("corp", "mobile-app", new DefaultOAuth2TokenCallback("corp", "erin", "JWT",
                List.of(CLIENT_ID), Map.of("client_id", "mobile-app"), 300)).serialize();
        String noClient = server.issueToken("corp", "x", new DefaultOAuth2TokenCallback("corp", "erin", "JWT",
                List.of(CLIENT_ID), Map.of(), 300)).serialize();

        assertEquals(Optional.of("mobile-app"), provider("corp").tokenClient(forMobile));
        assertEquals(Optional.empty(), provider("corp").tokenClient(noClient), "an active token naming no client");
        assertEquals(Optional.empty(), provider("corp").tokenClient("forged"), "inactive");
        assertEquals(Optional.empty(), provider("partner").tokenClient(forMobile), "another issuer's token");
    }

    @Test
    void aLoginYieldsTheSubjectClaimsAndTokens() {
        nextLoginIs("corp", "alice", Map.of("email", "alice@corp.example", "groups", List.of("admins", "devs"),
                "realm_access", Map.of("roles", List.of("admin", "offline_access"))));

        ExternalIdentity alice = signedIn(login(provider("corp")));

        assertEquals("corp", alice.provider());
        assertEquals("alice", alice.subject());
        assertEquals("alice@corp.example", alice.claims().get("email"));
        assertEquals(List.of("admins", "devs"), alice.claims().get("groups"));
        assertEquals(Map.of("roles", List.of("admin", "offline_access")), alice.claims().get("realm_access"));
        assertTrue(alice.idToken().isPresent());
        assertTrue(alice.tokens().refreshToken().isPresent());
        assertTrue(alice.tokens().expiresAt().isPresent());
        String shown = alice + " " + new LoginOutcome.SignedIn(alice);
        assertFalse(shown.contains("alice@corp.example"), "claim values stay out of toString");
        assertFalse(shown.contains(alice.tokens().accessToken()), shown);
        assertFalse(shown.contains(alice.tokens().refreshToken().orElseThrow()), shown);
        assertFalse(shown.contains(alice.idToken().orElseThrow()), shown);
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndAnS256Challenge() {
        LoginRedirect redirect = provider("corp").beginLogin(REDIRECT);
        Map<String, String> request = Browser.query(redirect.authorizationUrl());

        assertEquals(redirect.kept().state(), request.get("state"));
        assertEquals(redirect.kept().nonce().orElseThrow(), request.get("nonce"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.containsKey("code_challenge"));
        assertEquals(REDIRECT.toString(), request.get("redirect_uri"));
        assertEquals("openid email profile", request.get("scope"));
        assertTrue(redirect.kept().codeVerifier().isPresent());
    }

    @Test
    void thePkceVerifierIsSentAndAWrongOneIsRefusedByTheProvider() {
        IdentityProvider corp = provider("corp");
        LoginRedirect redirect = corp.beginLogin(REDIRECT);
        LoginCallback callback = LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl()));
        LoginState kept = redirect.kept();
        LoginState wrongVerifier = new LoginState(kept.provider(), kept.state(), kept.nonce(),
                Optional.of("x".repeat(43)), kept.redirectUri());

        assertEquals(new LoginOutcome.Refused(LoginRefusal.CODE_REJECTED), corp.completeLogin(callback, wrongVerifier));
    }

    @Test
    void aForgedStateIsRefusedBeforeTheCodeIsRedeemed() {
        IdentityProvider corp = provider("corp");
        LoginRedirect redirect = corp.beginLogin(REDIRECT);
        Map<String, String> callback = new java.util.HashMap<>(Browser.authorize(redirect.authorizationUrl()));
        callback.put("state", "forged");

        assertEquals(new LoginOutcome.Refused(LoginRefusal.STATE_MISMATCH),
                corp.completeLogin(LoginCallback.fromParameters(callback), redirect.kept()));
        callback.remove("state");
        assertEquals(new LoginOutcome.Refused(LoginRefusal.STATE_MISMATCH),
                corp.completeLogin(LoginCallback.fromParameters(callback), redirect.kept()));
    }

    @Test
    void aReplayedCallbackIsRefused() {
        IdentityProvider corp = provider("corp");
        LoginRedirect redirect = corp.beginLogin(REDIRECT);
        LoginCallback callback = LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl()));

        signedIn(corp.completeLogin(callback, redirect.kept()));
        assertEquals(new LoginOutcome.Refused(LoginRefusal.CODE_REJECTED), corp.completeLogin(callback, redirect.kept()));
    }

    @Test
    void theProvidersErrorIsARefusal() {
        IdentityProvider corp = provider("corp");
        LoginRedirect redirect = corp.beginLogin(REDIRECT);

        assertEquals(new LoginOutcome.Refused(LoginRefusal.PROVIDER_ERROR), corp.completeLogin(
                LoginCallback.fromParameters(Map.of("error", "access_denied", "state", redirect.kept().state())),
                redirect.kept()));
    }

    @Test
    void severalOpenIdProvidersWorkSideBySideAndNeverAcceptEachOthersState() {
        nextLoginIs("partner", "bob", Map.of("email", "bob@partner.example"));
        ExternalIdentity bob = signedIn(login(provider("partner")));
        assertEquals("partner", bob.provider());
        assertEquals("Corp SSO", provider("corp").displayName());

        LoginRedirect atCorp = provider("corp").beginLogin(REDIRECT);
        LoginCallback callback = LoginCallback.fromParameters(Browser.authorize(atCorp.authorizationUrl()));
        assertEquals(new LoginOutcome.Refused(LoginRefusal.STATE_MISMATCH),
                provider("partner").completeLogin(callback, atCorp.kept()));
    }

    @Test
    void aRefreshTokenGivesNewTokensAndAnUnknownOneIsRejected() {
        nextLoginIs("corp", "alice", Map.of());
        ExternalIdentity alice = signedIn(login(provider("corp")));

        RefreshOutcome refreshed = provider("corp").refresh(alice.tokens().refreshToken().orElseThrow());

        RefreshOutcome.Refreshed tokens = assertInstanceOf(RefreshOutcome.Refreshed.class, refreshed);
        assertNotEquals(alice.tokens().accessToken(), tokens.tokens().accessToken());
        assertTrue(tokens.tokens().refreshToken().isPresent());
        assertEquals(new RefreshOutcome.Refused(RefreshRefusal.REJECTED), provider("corp").refresh("unknown"));
    }

    @Test
    void theLogoutUrlIsTheDiscoveredEndSessionEndpointWithEncodedParameters() {
        URI afterLogout = URI.create("https://chat.example/auth?signed_out=1&lang=en");

        URI logout = provider("corp").logoutUrl(Optional.of("header.payload.signature"), Optional.of(afterLogout))
                .orElseThrow();

        assertTrue(logout.toString().startsWith(server.endSessionEndpointUrl("corp").toString() + "?"), logout.toString());
        assertEquals(Map.of("client_id", CLIENT_ID, "id_token_hint", "header.payload.signature",
                "post_logout_redirect_uri", afterLogout.toString()), Browser.query(logout));
        assertFalse(logout.getRawQuery().contains("signed_out=1&lang"), "the redirect's own query is encoded");
    }

    @Test
    void aLogoutTokenSignedByTheProviderIsAccepted() {
        String jti = UUID.randomUUID().toString();
        String token = server.issueToken("corp", CLIENT_ID, new DefaultOAuth2TokenCallback("corp", "alice",
                "logout+jwt", List.of(CLIENT_ID),
                Map.of("events", Map.of(LogoutTokenChecks.EVENT, Map.of()), "jti", jti, "sid", "session-1"), 120))
                .serialize();

        LogoutTokenOutcome outcome = providers.validateLogoutToken(token);

        LogoutTokenOutcome.Valid valid = assertInstanceOf(LogoutTokenOutcome.Valid.class, outcome, outcome.toString());
        assertEquals("corp", valid.notice().provider());
        assertEquals(Optional.of("alice"), valid.notice().subject());
        assertEquals(Optional.of("session-1"), valid.notice().sessionId());
    }
}
