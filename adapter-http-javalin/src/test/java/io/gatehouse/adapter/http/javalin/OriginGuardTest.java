package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cookie-authenticated unsafe requests from other origins are refused; bearer tokens and listed origins are not. */
class OriginGuardTest {

    private static final String FRONTEND = "https://chat.example.org";
    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        server = TestServer.start(new TestGatehouse(), s -> new HttpSettings(s.cookieSameSite(), s.cookieSecure(),
                s.apiKeyHeader(), s.trustedProxies(), Set.of(FRONTEND), s.instanceName(), s.version(), false,
                s.maxRequestBytes(), s.profileImagePolicy(), s.trustedHeaders()));
        token = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "A", "email", "a@example.org", "password", "correct horse")).field("token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer.Response timezoneWithCookie(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = "token=" + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.post("/api/v1/auths/update/timezone", Map.of("timezone", "UTC"), all);
    }

    @Test
    void aCookieRequestFromAnotherSiteIsRefused() {
        TestServer.Response forged = timezoneWithCookie("Origin", "https://evil.example.net");

        assertEquals(403, forged.status);
        assertEquals("Cross-site request refused.", forged.detail());
        assertEquals(Optional.empty(), server.gatehouse.users.findByEmail(EmailAddress.of("a@example.org")).orElseThrow().timezone(), "nothing changed");
    }

    @Test
    void aCrossSiteFetchWithoutOriginIsRefused() {
        assertEquals(403, timezoneWithCookie("Sec-Fetch-Site", "cross-site").status);
    }

    @Test
    void theInstancesOwnOriginTheListedFrontEndAndNonBrowsersPass() {
        String self = "http://127.0.0.1:" + server.port();
        assertEquals(200, timezoneWithCookie("Origin", self).status);
        assertEquals(200, timezoneWithCookie("Origin", FRONTEND).status);
        assertEquals(200, timezoneWithCookie().status);
        assertEquals(200, timezoneWithCookie("Sec-Fetch-Site", "same-origin").status);
    }

    @Test
    void bearerRequestsCannotBeForgedAndPass() {
        TestServer.Response response = server.post("/api/v1/auths/update/timezone", Map.of("timezone", "UTC"),
                "Authorization", "Bearer " + token, "Origin", "https://other-app.example.net");

        assertEquals(200, response.status);
    }

    @Test
    void signInFromAnotherSiteIsRefusedAgainstLoginForgery() {
        TestServer.Response response = server.post("/api/v1/auths/signin",
                Map.of("email", "a@example.org", "password", "correct horse"), "Origin", "https://evil.example.net");

        assertEquals(403, response.status);
        assertEquals(Optional.empty(), response.cookie("token"));
    }

    @Test
    void onlyListedOriginsGetCredentialedCors() {
        TestServer.Response listed = server.get("/api/config", "Origin", FRONTEND);
        TestServer.Response other = server.get("/api/config", "Origin", "https://evil.example.net");

        assertEquals(Optional.of(FRONTEND), listed.header("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("true"), listed.header("Access-Control-Allow-Credentials"));
        assertEquals(Optional.empty(), other.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightFromAListedOriginIsAnswered() {
        TestServer.Response preflight = server.send("OPTIONS", "/api/v1/auths/signin", null,
                "Origin", FRONTEND, "Access-Control-Request-Method", "POST");

        assertEquals(204, preflight.status);
        assertEquals(Optional.of(FRONTEND), preflight.header("Access-Control-Allow-Origin"));
    }
}
