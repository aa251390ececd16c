package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordAccountFlowTest {

    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersCarryingATokenAreNeverCompressedEvenWhenTheClientAccepts() {
        TestServer.Response signup = server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse"),
                "Accept-Encoding", "gzip, deflate, br");
        String token = (String) signup.field("token");

        TestServer.Response session = server.get("/api/v1/auths/", "Authorization", "Bearer " + token,
                "Accept-Encoding", "gzip, deflate, br");

        assertTrue(session.body.length() > 1500, "large enough for Javalin's default to compress: " + session.body.length());
        assertEquals(Optional.empty(), session.header("Content-Encoding"));
        assertEquals(Optional.empty(), signup.header("Content-Encoding"));
        assertEquals(token, session.field("token"));
    }

    @Test
    void signUpSignInReadTheSessionChangeThePasswordSignOut() {
        TestServer.Response signup = server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "Ann@Example.org", "password", "correct horse"));
        assertEquals(200, signup.status, signup.body);
        assertEquals("admin", signup.field("role"), "the first account is the admin");
        assertEquals("ann@example.org", signup.field("email"));
        assertEquals("Bearer", signup.field("token_type"));
        assertTrue(((Map<?, ?>) signup.field("permissions")).containsKey("chat"));

        TestServer.Response signin = server.post("/api/v1/auths/signin",
                Map.of("email", "ANN@example.org", "password", "correct horse"));
        assertEquals(200, signin.status, signin.body);
        String token = (String) signin.field("token");
        String id = (String) signin.field("id");
        assertEquals("/api/v1/users/" + id + "/profile/image", signin.field("profile_image_url"));

        TestServer.Response session = server.get("/api/v1/auths/", "Authorization", "Bearer " + token);
        assertEquals(200, session.status, session.body);
        assertEquals(id, session.field("id"));
        assertEquals(token, session.field("token"));
        assertEquals("/user.png", session.field("profile_image_url"));

        TestServer.Response changed = server.post("/api/v1/auths/update/password",
                Map.of("password", "correct horse", "new_password", "battery staple"), "Authorization", "Bearer " + token);
        assertEquals(200, changed.status, changed.body);
        assertEquals(true, changed.json());
        String freshToken = tokenCookieValue(changed);
        assertNotEquals(token, freshToken);

        assertEquals(401, server.get("/api/v1/auths/", "Authorization", "Bearer " + token).status,
                "a password change revokes every earlier token");
        assertEquals(200, server.get("/api/v1/auths/", "Cookie", "token=" + freshToken).status,
                "the caller carries on with the fresh cookie");

        TestServer.Response signout = server.post("/api/v1/auths/signout", null, "Authorization", "Bearer " + freshToken);
        assertEquals(200, signout.status);
        assertEquals(Map.of("status", true), signout.object());

        TestServer.Response after = server.get("/api/v1/auths/", "Authorization", "Bearer " + freshToken);
        assertEquals(401, after.status);
        assertEquals("Invalid token", after.detail());
        assertEquals(400, server.post("/api/v1/auths/signin",
                Map.of("email", "ann@example.org", "password", "correct horse")).status, "the old password no longer signs in");
    }

    @Test
    void theTokenCookieIsHttpOnlyLaxAndLivesAsLongAsTheToken() {
        TestServer.Response signup = server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse"));

        String cookie = signup.cookie("token").orElseThrow();
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("; Max-Age=" + 28 * 24 * 3600), cookie);
        assertTrue(cookie.contains("; Expires="), cookie);
        assertEquals(signup.field("token"), tokenCookieValue(signup));
        long expiresAt = ((Number) signup.field("expires_at")).longValue();
        assertEquals(server.gatehouse.clock.instant().getEpochSecond() + 28 * 24 * 3600, expiresAt);
    }

    @Test
    void eachTokensCookieExpiresWithItsOwnToken() {
        String first = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse")).field("token");
        server.gatehouse.clock.advance(Duration.ofHours(5));
        String later = (String) server.post("/api/v1/auths/signin",
                Map.of("email", "ann@example.org", "password", "correct horse")).field("token");

        String laterCookie = server.get("/api/v1/auths/", "Authorization", "Bearer " + later).cookie("token").orElseThrow();
        String firstCookie = server.get("/api/v1/auths/", "Authorization", "Bearer " + first).cookie("token").orElseThrow();

        Instant now = server.gatehouse.clock.instant();
        assertTrue(laterCookie.contains("; Expires=" + httpDate(now.plus(Duration.ofDays(28)))), laterCookie);
        assertTrue(firstCookie.contains("; Expires=" + httpDate(now.plus(Duration.ofDays(28)).minus(Duration.ofHours(5)))),
                firstCookie);
    }

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theCookieFollowsTheConfiguredSameSiteAndSecureFlags() {
        server.close();
        server = TestServer.start(new TestGatehouse(), settings -> new HttpSettings("Strict", true, "x-api-key",
                settings.trustedProxies(), settings.allowedOrigins(), "Gatehouse", "test", false,
                settings.maxRequestBytes(), settings.profileImagePolicy(),
                settings.trustedHeaders()));

        String cookie = server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse")).cookie("token").orElseThrow();

        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Secure"), cookie);
    }

    @Test
    void aTokenThatNeverExpiresGivesASessionCookieAndNoExpiry() {
        server.close();
        AuthSettings defaults = TestSettings.authDefaults();
        AuthSettings forever = new AuthSettings(defaults.showAdminDetails(), defaults.adminEmail(), defaults.webuiUrl(),
                true, true, false, false, defaults.apiKeyAllowedEndpoints(), defaults.defaultUserRole(),
                defaults.defaultGroupId(), TokenLifetime.parse("-1").orElseThrow(), "", "", defaults.defaultPermissions(),
                defaults.clientSettings(), defaults.ldap(), defaults.oauth());
        server = TestServer.start(new TestGatehouse(TestSettings.fixedDefaults(), forever, new FakePasswordHasher()),
                settings -> settings);

        TestServer.Response signup = server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse"));

        String cookie = signup.cookie("token").orElseThrow();
        assertFalse(cookie.contains("Max-Age"), cookie);
        assertFalse(cookie.contains("Expires"), cookie);
        assertNull(signup.field("expires_at"));
    }

    @Test
    void readingTheSessionSetsTheSameTokenAgainWithItsRemainingLifetime() {
        String token = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse")).field("token");
        server.gatehouse.clock.advance(Duration.ofDays(1));

        TestServer.Response session = server.get("/api/v1/auths/", "Cookie", "token=" + token);

        String cookie = session.cookie("token").orElseThrow();
        assertEquals(token, tokenCookieValue(session));
        assertTrue(cookie.contains("; Max-Age=" + 27 * 24 * 3600), cookie);
    }

    @Test
    void signingOutDeletesTheTokenAndTheOAuthCookiesByTheirRealNames() {
        TestServer.Response signout = server.post("/api/v1/auths/signout", null);

        for (String name : new String[]{"token", "oauth_id_token", "oauth_session_id", "owui-session"}) {
            String cookie = signout.cookie(name).orElseThrow(() -> new AssertionError(name + " not deleted"));
            assertTrue(cookie.contains("Max-Age=0"), cookie);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        TestServer.Response config = server.get("/api/config");

        assertEquals("nosniff", config.header("X-Content-Type-Options").orElseThrow());
        assertEquals("no-store", config.header("Cache-Control").orElseThrow());
        assertEquals("DENY", config.header("X-Frame-Options").orElseThrow());
    }

    static String tokenCookieValue(TestServer.Response response) {
        String cookie = response.cookie("token").orElseThrow();
        return cookie.substring("token=".length(), cookie.indexOf(';'));
    }
}
