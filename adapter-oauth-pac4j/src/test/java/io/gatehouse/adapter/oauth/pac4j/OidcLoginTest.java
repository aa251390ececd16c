package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider.Signing;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import io.gatehouse.application.port.out.oauth.RefreshRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The id_token checks, each against a token shaped to fail exactly one of them, from a stand-in provider whose keys
 * the test holds.
 */
class OidcLoginTest {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/oauth/standin/login/callback");
    private static StandInProvider provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void reset() {
        provider.signWith(Signing.PUBLISHED_KEY);
        provider.shapeIdToken(UnaryOperator.identity());
        provider.answerUserInfo(Map.of());
        provider.listChallengeMethods(List.of("S256"));
    }

    private static IdentityProvider adapter() {
        return Pac4jIdentityProviders.of(List.of(provider.settings())).find("standin").orElseThrow();
    }

    private static LoginOutcome login(IdentityProvider adapter) {
        LoginRedirect redirect = adapter.beginLogin(REDIRECT);
        return adapter.completeLogin(LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())),
                redirect.kept());
    }

    private static ExternalIdentity signedIn(LoginOutcome outcome) {
        return assertInstanceOf(LoginOutcome.SignedIn.class, outcome, outcome.toString()).identity();
    }

    private static void assertRefused(LoginRefusal reason, LoginOutcome outcome) {
        assertEquals(new LoginOutcome.Refused(reason), outcome);
    }

    @Test
    void userInformationWinsOverTheIdTokenAndIdTokenOnlyClaimsAreKept() {
        provider.answerUserInfo(Map.of("email", "alice@userinfo.example", "name", "Alice"));

        ExternalIdentity alice = signedIn(login(adapter()));

        assertEquals("alice", alice.subject());
        assertEquals("alice@userinfo.example", alice.claims().get("email"));
        assertEquals("Alice", alice.claims().get("name"));
        assertEquals(List.of("admin"), alice.claims().get("roles"));
        assertTrue(alice.idToken().isPresent());
        assertTrue(alice.tokens().refreshToken().isPresent());
        assertTrue(alice.tokens().expiresAt().isPresent());
    }

    @Test
    void aNullInTheUserInformationDoesNotEraseAnIdTokenClaim() {
        Map<String, Object> userInfo = new java.util.HashMap<>();
        userInfo.put("email", null);
        provider.answerUserInfo(userInfo);

        assertEquals("alice@id-token.example", signedIn(login(adapter())).claims().get("email"));
    }

    @Test
    void pkceIsLeftOutOnlyWhenTheMetadataListsMethodsWithoutS256() {
        provider.listChallengeMethods(List.of());
        assertTrue(Browser.query(adapter().beginLogin(REDIRECT).authorizationUrl()).containsKey("code_challenge"),
                "no list: S256 all the same");

        provider.listChallengeMethods(List.of("plain"));
        LoginRedirect withoutPkce = adapter().beginLogin(REDIRECT);
        assertFalse(Browser.query(withoutPkce.authorizationUrl()).containsKey("code_challenge"));
        assertEquals(Optional.empty(), withoutPkce.kept().codeVerifier());
    }

    @Test
    void aProviderThatStopsAnsweringIsARefusalAtTheCallbackAndAFailureAtTheStart() throws Exception {
        IdentityProvider adapter;
        LoginRedirect redirect;
        Map<String, String> callback;
        try (StandInProvider shortLived = new StandInProvider()) {
            adapter = Pac4jIdentityProviders.of(List.of(shortLived.settings())).find("standin").orElseThrow();
            redirect = adapter.beginLogin(REDIRECT);
            callback = Browser.authorize(redirect.authorizationUrl());
        }

        assertRefused(LoginRefusal.PROVIDER_UNREACHABLE,
                adapter.completeLogin(LoginCallback.fromParameters(callback), redirect.kept()));
        IdentityProvider neverReached = Pac4jIdentityProviders.of(List.of(ProviderSettings.openId("gone", "id",
                Optional.of("secret"), URI.create("http://127.0.0.1:9/.well-known/openid-configuration"))))
                .find("gone").orElseThrow();
        InfrastructureException failure = assertThrows(InfrastructureException.class,
                () -> neverReached.beginLogin(REDIRECT));
        assertTrue(failure.getMessage().contains("cannot be reached"), failure.getMessage());
    }

    @Test
    void aConfiguredEndSessionEndpointReplacesTheDiscoveredOne() {
        IdentityProvider adapter = Pac4jIdentityProviders.of(List.of(provider.settings()
                .withEndSessionEndpoint(URI.create("https://auth.example/logout")))).find("standin").orElseThrow();

        assertEquals(URI.create("https://auth.example/logout?client_id=gatehouse&id_token_hint=a.b.c"),
                adapter.logoutUrl(Optional.of("a.b.c"), Optional.empty()).orElseThrow());
        assertEquals(URI.create(provider.issuer() + "/logout?client_id=gatehouse"),
                adapter().logoutUrl(Optional.empty(), Optional.empty()).orElseThrow());
    }

    @Test
    void userInformationAboutAnotherSubjectIsNotUsed() {
        provider.answerUserInfo(Map.of("sub", "mallory", "email", "mallory@example.com"));

        assertRefused(LoginRefusal.SUBJECT_MISMATCH, login(adapter()));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        provider.shapeIdToken(claims -> claims.claim("nonce", "someone-elses-nonce"));

        assertRefused(LoginRefusal.NONCE_MISMATCH, login(adapter()));
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        provider.shapeIdToken(claims -> claims.issuer("https://evil.example"));

        assertRefused(LoginRefusal.WRONG_ISSUER, login(adapter()));
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        provider.shapeIdToken(claims -> claims.audience("another-client"));

        assertRefused(LoginRefusal.WRONG_AUDIENCE, login(adapter()));
    }

    @Test
    void anExpiredIdTokenIsRefusedBeyondTheClockSkew() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        provider.shapeIdToken(claims -> claims.issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plusSeconds(60))));

        assertRefused(LoginRefusal.EXPIRED, login(adapter()));
    }

    @Test
    void anIdTokenExpiredWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now();
        provider.shapeIdToken(claims -> claims.issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.minusSeconds(10))));

        signedIn(login(adapter()));
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        provider.signWith(Signing.NONE);

        assertRefused(LoginRefusal.UNSIGNED_TOKEN, login(adapter()));
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderNeverPublishedIsRefused() {
        provider.signWith(Signing.UNPUBLISHED_KEY);

        assertRefused(LoginRefusal.BAD_SIGNATURE, login(adapter()));
    }

    @Test
    void afterTheProviderRotatesItsKeyTheNewKeyIsFetched() {
        IdentityProvider adapter = adapter();
        signedIn(login(adapter));
        int fetchesBefore = provider.jwksFetches();

        provider.rotateKey();

        signedIn(login(adapter));
        assertEquals(fetchesBefore + 1, provider.jwksFetches());
    }

    @Test
    void aCallbackWhoseStateIsNotTheKeptOneIsRefused() {
        IdentityProvider adapter = adapter();
        LoginRedirect first = adapter.beginLogin(REDIRECT);
        LoginRedirect second = adapter.beginLogin(REDIRECT);
        Map<String, String> callback = Browser.authorize(first.authorizationUrl());

        assertRefused(LoginRefusal.STATE_MISMATCH,
                adapter.completeLogin(LoginCallback.fromParameters(callback), second.kept()));
    }

    @Test
    void aCodeRedeemedTwiceIsRefusedTheSecondTime() {
        IdentityProvider adapter = adapter();
        LoginRedirect redirect = adapter.beginLogin(REDIRECT);
        LoginCallback callback = LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl()));

        signedIn(adapter.completeLogin(callback, redirect.kept()));
        assertRefused(LoginRefusal.CODE_REJECTED, adapter.completeLogin(callback, redirect.kept()));
    }

    @Test
    void aRefreshedIdTokenIsCheckedToo() {
        IdentityProvider adapter = adapter();
        String refreshToken = signedIn(login(adapter)).tokens().refreshToken().orElseThrow();

        RefreshOutcome refreshed = adapter.refresh(refreshToken);
        assertInstanceOf(RefreshOutcome.Refreshed.class, refreshed, refreshed.toString());
        assertEquals(Optional.of(refreshToken),
                ((RefreshOutcome.Refreshed) refreshed).tokens().refreshToken(), "the old refresh token is kept");

        provider.shapeIdToken(claims -> claims.audience("another-client"));
        assertEquals(new RefreshOutcome.Refused(RefreshRefusal.BAD_TOKEN),
                adapter.refresh(refreshToken));
    }

    @Test
    void claimsKeepTheirJsonShape() {
        provider.shapeIdToken(claims -> claims.claim("realm_access", Map.of("roles", List.of("admin", "user"))));

        ExternalIdentity alice = signedIn(login(adapter()));

        assertEquals(Map.of("roles", List.of("admin", "user")), alice.claims().get("realm_access"));
        assertInstanceOf(Number.class, alice.claims().get("exp"));
    }
}
