package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.FakeIdentityProviders;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.RoleMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser routes of single sign-on over a fake provider; the real flow runs in the end-to-end tests. */
class OAuthRoutesTest {

    private TestServer server;
    private TestGatehouse gatehouse;

    @BeforeEach
    void start() {
        gatehouse = new TestGatehouse();
        OAuthPolicy d = OAuthPolicy.defaults();
        gatehouse.useOAuthPolicy(new OAuthPolicy(true, false, d.emailClaim(), d.usernameClaim(), false, List.of("*"),
                false, false, RoleMapping.off(), false, d.groupsClaim(), false, List.of()));
        gatehouse.identityProviders.vouchFor("good", Map.of("sub", "s-1", "email", "ann@example.org"));
        server = TestServer.start(gatehouse, settings -> settings);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String cookieValue(TestServer.Response response, String name) {
        return response.cookie(name).orElseThrow().split(";", 2)[0].substring(name.length() + 1);
    }

    @Test
    void aLoginGoesToTheProviderAndComesBackSignedInWithAFrontEndReadableToken() {
        TestServer.Response login = server.get("/oauth/oidc/login");
        assertEquals(302, login.status);
        URI authorize = URI.create(login.header("Location").orElseThrow());
        String key = cookieValue(login, "oauth_login");
        assertTrue(login.cookie("oauth_login").orElseThrow().contains("HttpOnly"));

        TestServer.Response back = server.get("/oauth/oidc/login/callback?code=good&" + authorize.getQuery(),
                "Cookie", "oauth_login=" + key);

        assertEquals(302, back.status, back.toString());
        assertTrue(back.header("Location").orElseThrow().endsWith("/auth"));
        String token = back.cookie("token").orElseThrow();
        assertFalse(token.contains("HttpOnly"), "Open WebUI's front end reads it after a single sign-on");
        assertTrue(back.cookie("oauth_login").orElseThrow().contains("Max-Age=0"), "the login key is spent");
        assertEquals(200, server.get("/api/v1/auths/", "Authorization",
                "Bearer " + token.split(";", 2)[0].substring("token=".length())).status);
    }

    private TestServer.Response signedInThrough(TestServer through) {
        TestServer.Response login = through.get("/oauth/oidc/login");
        URI authorize = URI.create(login.header("Location").orElseThrow());
        TestServer.Response back = through.get("/oauth/oidc/login/callback?code=good&" + authorize.getQuery(),
                "Cookie", "oauth_login=" + cookieValue(login, "oauth_login"));
        assertTrue(back.header("Location").orElseThrow().endsWith("/auth"), back.toString());
        return back;
    }

    @Test
    void theIdTokenIsLeftInOpenWebUisLegacyCookieUnlessSwitchedOff() {
        TestServer.Response back = signedInThrough(server);

        String idToken = back.cookie("oauth_id_token").orElseThrow();
        assertTrue(idToken.startsWith("oauth_id_token=id-token-good; Path=/; HttpOnly; SameSite=Lax"), idToken);
        assertEquals(back.cookie("token").orElseThrow().replaceAll(".*(Max-Age=\\d+).*", "$1"),
                idToken.replaceAll(".*(Max-Age=\\d+).*", "$1"), "lives as long as the session token");
        assertTrue(back.cookie("token").orElseThrow().contains("Max-Age="));

        TestServer without = TestServer.start(gatehouse, settings -> new HttpSettings(settings.cookieSameSite(),
                settings.cookieSecure(), settings.apiKeyHeader(), settings.trustedProxies(), settings.allowedOrigins(),
                settings.instanceName(), settings.version(), settings.signupPasswordConfirmation(),
                settings.maxRequestBytes(), settings.profileImagePolicy(), settings.trustedHeaders(), false));
        try {
            TestServer.Response plain = signedInThrough(without);
            assertTrue(plain.cookie("token").isPresent());
            assertFalse(plain.cookie("oauth_id_token").isPresent(), plain.toString());
        } finally {
            without.close();
        }
    }

    @Test
    void aCallbackWithoutItsLoginStateRedirectsWithAShortError() {
        TestServer.Response login = server.get("/oauth/oidc/login");
        URI authorize = URI.create(login.header("Location").orElseThrow());

        TestServer.Response back = server.get("/oauth/oidc/callback?code=good&" + authorize.getQuery());

        assertEquals(302, back.status);
        String location = back.header("Location").orElseThrow();
        assertTrue(location.contains("/auth?error="), location);
        assertEquals("OAuth callback failed: Missing state parameter in callback (session may have expired)",
                URLDecoder.decode(location.substring(location.indexOf("error=") + 6), StandardCharsets.UTF_8));
        assertFalse(back.cookie("token").isPresent());
    }

    @Test
    void unknownProvidersAreNotFoundAndConfiguredOnesAreListed() {
        assertEquals(404, server.get("/oauth/nope/login").status);
        assertEquals(404, server.get("/oauth/nope/login/callback?code=x&state=y").status);
        Map<?, ?> oauth = (Map<?, ?>) server.get("/api/config").field("oauth");
        assertEquals(Map.of(FakeIdentityProviders.ID, "Test IdP"), oauth.get("providers"));
    }

    @Test
    void aProviderThatReturnsByFormPostGetsACrossSiteLoginCookieAndAPostCallback() throws Exception {
        gatehouse.identityProviders.formPost = true;
        TestServer.Response login = server.get("/oauth/oidc/login");
        assertTrue(login.cookie("oauth_login").orElseThrow().contains("SameSite=None; Secure"), login.toString());
        String state = URI.create(login.header("Location").orElseThrow()).getQuery().split("&")[0]
                .substring("state=".length());

        java.net.http.HttpResponse<String> back = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                + "/oauth/oidc/callback"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://appleid.apple.com")
                        .header("Cookie", "oauth_login=" + cookieValue(login, "oauth_login"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("code=good&state=" + state)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(302, back.statusCode(), back.body());
        assertTrue(back.headers().firstValue("Location").orElseThrow().endsWith("/auth"));
        assertTrue(back.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("token=")));
    }
}
