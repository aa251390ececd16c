package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import io.gatehouse.application.port.out.oauth.LoginState;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitHub, Discord and Feishu against local stand-ins for their APIs. */
class PlainOAuth2Test {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/oauth/github/login/callback");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private ApiStandIn api;

    @AfterEach
    void stop() {
        api.close();
    }

    private IdentityProvider github() throws Exception {
        api = new ApiStandIn(false);
        return provider(ProviderSettings.github(ApiStandIn.CLIENT_ID, ApiStandIn.CLIENT_SECRET)
                .withEndpoints(api.endpoints("/user")));
    }

    private static IdentityProvider provider(ProviderSettings settings) {
        return Pac4jIdentityProviders.of(List.of(settings), Clock.fixed(NOW, ZoneOffset.UTC)).all().get(0);
    }

    private static LoginOutcome login(IdentityProvider provider) {
        LoginRedirect redirect = provider.beginLogin(REDIRECT);
        return provider.completeLogin(LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())),
                redirect.kept());
    }

    private static ExternalIdentity signedIn(LoginOutcome outcome) {
        return assertInstanceOf(LoginOutcome.SignedIn.class, outcome, outcome.toString()).identity();
    }

    private static Map<String, Object> email(String address, boolean primary, boolean verified) {
        return Map.of("email", address, "primary", primary, "verified", verified, "visibility", "private");
    }

    private static Map<String, Object> octocat(Object publicEmail) {
        Map<String, Object> user = new HashMap<>(Map.of("id", 583231, "login", "octocat", "name", "The Octocat"));
        user.put("email", publicEmail);
        return user;
    }

    @Test
    void gitHubWithoutAPublicEmailGivesThePrimaryVerifiedAddress() throws Exception {
        IdentityProvider github = github();
        api.answer("/user", 200, octocat(null));
        api.answer("/user/emails", 200, List.of(email("old@example.com", false, true),
                email("octocat@example.com", true, true)));

        ExternalIdentity octocat = signedIn(login(github));

        assertEquals("583231", octocat.subject());
        assertEquals("octocat@example.com", octocat.claims().get("email"));
        assertEquals(true, octocat.claims().get("email_verified"));
        assertEquals("octocat", octocat.claims().get("login"));
        assertEquals(Optional.of(NOW.plusSeconds(7200)), octocat.tokens().expiresAt());
        assertEquals(Optional.of("user:email"), octocat.tokens().scope());
    }

    @Test
    void anUnverifiedPrimaryAddressIsNotTakenEvenWhenAnotherIsVerified() throws Exception {
        IdentityProvider github = github();
        api.answer("/user", 200, octocat(null));
        api.answer("/user/emails", 200, List.of(email("octocat@example.com", true, false),
                email("other@example.com", false, true)));

        ExternalIdentity octocat = signedIn(login(github));

        assertFalse(octocat.claims().containsKey("email"), octocat.claims().toString());
        assertFalse(octocat.claims().containsKey("email_verified"));
    }

    @Test
    void aPublicAddressIsMarkedVerifiedOnlyWhenGitHubVerifiedIt() throws Exception {
        IdentityProvider github = github();
        api.answer("/user", 200, octocat("public@example.com"));
        api.answer("/user/emails", 200, List.of(email("public@example.com", false, true)));
        assertEquals(true, signedIn(login(github)).claims().get("email_verified"));

        api.answer("/user/emails", 200, List.of(email("public@example.com", false, false)));
        assertEquals(false, signedIn(login(github)).claims().get("email_verified"));

        api.forget("/user/emails"); // 404, as without the user:email scope
        ExternalIdentity octocat = signedIn(login(github));
        assertEquals("public@example.com", octocat.claims().get("email"));
        assertFalse(octocat.claims().containsKey("email_verified"));
    }

    @Test
    void theEmailListFailingLeavesNoAddress() throws Exception {
        IdentityProvider github = github();
        api.answer("/user", 200, octocat(null));
        api.answer("/user/emails", 500, Map.of("message", "oops"));

        assertFalse(signedIn(login(github)).claims().containsKey("email"));
    }

    @Test
    void theCodeIsRedeemedWithThePkceVerifierAndOnlyOnce() throws Exception {
        IdentityProvider github = github();
        api.answer("/user", 200, octocat(null));
        LoginRedirect redirect = github.beginLogin(REDIRECT);
        LoginCallback callback = LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl()));
        LoginState kept = redirect.kept();
        LoginState wrongVerifier = new LoginState(kept.provider(), kept.state(), kept.nonce(),
                Optional.of("y".repeat(43)), kept.redirectUri());

        assertEquals(new LoginOutcome.Refused(LoginRefusal.CODE_REJECTED), github.completeLogin(callback, wrongVerifier));
        LoginRedirect again = github.beginLogin(REDIRECT);
        LoginCallback fresh = LoginCallback.fromParameters(Browser.authorize(again.authorizationUrl()));
        signedIn(github.completeLogin(fresh, again.kept()));
        assertEquals(new LoginOutcome.Refused(LoginRefusal.CODE_REJECTED), github.completeLogin(fresh, again.kept()));
    }

    @Test
    void theAuthorizationRequestCarriesStateAndAnS256Challenge() throws Exception {
        LoginRedirect redirect = github().beginLogin(REDIRECT);
        Map<String, String> request = Browser.query(redirect.authorizationUrl());

        assertEquals(redirect.kept().state(), request.get("state"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals("user:email", request.get("scope"));
        assertEquals(Optional.empty(), redirect.kept().nonce());
    }

    @Test
    void aForgedStateIsRefused() throws Exception {
        IdentityProvider github = github();
        LoginRedirect redirect = github.beginLogin(REDIRECT);
        Map<String, String> callback = new HashMap<>(Browser.authorize(redirect.authorizationUrl()));
        callback.put("state", "forged");

        assertEquals(new LoginOutcome.Refused(LoginRefusal.STATE_MISMATCH),
                github.completeLogin(LoginCallback.fromParameters(callback), redirect.kept()));
    }

    @Test
    void aBasicClientSendsItsClientIdAndScopesOnlyWhenAsked() throws Exception {
        api = new ApiStandIn(false);
        api.answer("/users/@me", 200, Map.of("id", "42", "email", "nelly@discord.example"));
        ProviderSettings basic = ProviderSettings.discord(ApiStandIn.CLIENT_ID, ApiStandIn.CLIENT_SECRET)
                .withEndpoints(api.endpoints("/users/@me"))
                .withTokenEndpointAuthMethod(ProviderSettings.TokenEndpointAuthMethod.CLIENT_SECRET_BASIC);
        for (ProviderSettings.TokenRequests options : List.of(ProviderSettings.TokenRequests.OPEN_WEBUI,
                new ProviderSettings.TokenRequests(true, true))) {
            IdentityProvider discord = provider(basic.withTokenRequests(options));
            ExternalIdentity nelly = signedIn(login(discord));
            assertInstanceOf(RefreshOutcome.Refreshed.class,
                    discord.refresh(nelly.tokens().refreshToken().orElseThrow()));
        }

        List<Map<String, String>> requests = api.tokenRequests();
        assertEquals(4, requests.size());
        assertFalse(requests.get(0).containsKey("client_id"), requests.get(0).toString());
        assertFalse(requests.get(1).containsKey("scope"), requests.get(1).toString());
        assertEquals(ApiStandIn.CLIENT_ID, requests.get(2).get("client_id"));
        assertFalse(requests.get(2).containsKey("client_secret"), "the secret stays in the header");
        assertEquals("identify email", requests.get(3).get("scope"));
    }

    @Test
    void discordsVerifiedFlagBecomesEmailVerified() throws Exception {
        api = new ApiStandIn(false);
        IdentityProvider discord = provider(ProviderSettings.discord(ApiStandIn.CLIENT_ID, ApiStandIn.CLIENT_SECRET)
                .withEndpoints(api.endpoints("/users/@me")));
        api.answer("/users/@me", 200, Map.of("id", "80351110224678912", "username", "nelly",
                "email", "nelly@discord.example", "verified", true));

        ExternalIdentity nelly = signedIn(login(discord));

        assertEquals("80351110224678912", nelly.subject());
        assertEquals(true, nelly.claims().get("email_verified"));
        RefreshOutcome refreshed = discord.refresh(nelly.tokens().refreshToken().orElseThrow());
        assertEquals(Optional.of("refresh-1"),
                assertInstanceOf(RefreshOutcome.Refreshed.class, refreshed).tokens().refreshToken(),
                "the refresh token is kept when the provider sends no new one");
    }

    @Test
    void feishuIsAskedInJsonAndItsProfileIsUnwrapped() throws Exception {
        api = new ApiStandIn(true);
        IdentityProvider feishu = provider(ProviderSettings.feishu(ApiStandIn.CLIENT_ID, ApiStandIn.CLIENT_SECRET)
                .withEndpoints(api.endpoints("/authen/v1/user_info")));
        api.answer("/authen/v1/user_info", 200, Map.of("code", 0, "msg", "success",
                "data", Map.of("user_id", "5d9bdxxx", "name", "Zhang San", "email", "zhangsan@feishu.example")));

        ExternalIdentity zhang = signedIn(login(feishu));

        assertEquals("5d9bdxxx", zhang.subject());
        assertEquals("Zhang San", zhang.claims().get("name"));
        assertTrue(api.lastTokenRequestContentType().startsWith("application/json"));
    }

    @Test
    void aPlainProviderLogsOutOnlyThroughAConfiguredEndpoint() throws Exception {
        assertEquals(Optional.empty(), github().logoutUrl(Optional.of("ignored"), Optional.empty()));

        IdentityProvider withEndpoint = provider(ProviderSettings.github("id", "secret")
                .withEndSessionEndpoint(URI.create("https://auth.example/logout?client=1")));
        assertEquals(URI.create("https://auth.example/logout?client=1&client_id=id"
                        + "&post_logout_redirect_uri=https%3A%2F%2Fchat.example%2Fauth%3Fa%3D1%26b%3D2"),
                withEndpoint.logoutUrl(Optional.of("ignored"),
                        Optional.of(URI.create("https://chat.example/auth?a=1&b=2"))).orElseThrow());
    }
}
