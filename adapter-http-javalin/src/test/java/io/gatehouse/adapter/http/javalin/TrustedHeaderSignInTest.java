package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.TestGatehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trusted-header sign-in (Open WebUI §8) over HTTP: the test client is the proxy, at 127.0.0.1. */
class TrustedHeaderSignInTest {

    private static final TrustedHeaders HEADERS = new TrustedHeaders("X-Forwarded-Email",
            Optional.of("X-Forwarded-Name"), Optional.of("X-Forwarded-Groups"), Optional.of("X-Forwarded-Role"));

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void startBehind(String proxies) {
        server = TestServer.start(new TestGatehouse(), s -> new HttpSettings(s.cookieSameSite(), s.cookieSecure(),
                s.apiKeyHeader(), List.of(Cidr.parse(proxies)), s.allowedOrigins(), s.instanceName(), s.version(),
                false, s.maxRequestBytes(), s.profileImagePolicy(), Optional.of(HEADERS)));
    }

    private TestServer.Response signInAs(String email) {
        return server.post("/api/v1/auths/signin", Map.of(), "X-Forwarded-Email", email,
                "X-Forwarded-Name", "Ann%20M%C3%BCller");
    }

    @Test
    void theProxysHeaderSignsInAndCreatesTheAccount() {
        startBehind("127.0.0.1/32");

        TestServer.Response ann = signInAs("Ann@Example.org");

        assertEquals(200, ann.status, ann.toString());
        assertEquals("ann@example.org", ann.field("email"));
        assertEquals("Ann M\u00fcller", ann.field("name"));
        assertTrue(ann.cookie("token").isPresent());
        assertEquals(true, ((Map<?, ?>) server.get("/api/config").field("features")).get("auth_trusted_header"));
    }

    @Test
    void fromAnAddressThatIsNotATrustedProxyTheHeaderIsIgnored() {
        startBehind("10.0.0.0/8");

        TestServer.Response forged = signInAs("ann@example.org");

        assertEquals(400, forged.status);
        assertEquals(Messages.INVALID_TRUSTED_HEADER, forged.detail());
        assertEquals(0, server.gatehouse.users.count());
    }

    @Test
    void aMissingHeaderIsRefused() {
        startBehind("127.0.0.1/32");

        TestServer.Response missing = server.post("/api/v1/auths/signin",
                Map.of("email", "ann@example.org", "password", "correct horse"));

        assertEquals(400, missing.status);
        assertEquals(Messages.INVALID_TRUSTED_HEADER, missing.detail());
    }

    @Test
    void everyRequestMustCarryTheHeaderOfTheSameUser() {
        startBehind("127.0.0.1/32");
        String token = (String) signInAs("ann@example.org").field("token");
        signInAs("bob@example.org");

        assertEquals(200, server.get("/api/v1/auths/", "Authorization", "Bearer " + token,
                "X-Forwarded-Email", "ANN@example.org").status);
        TestServer.Response switched = server.get("/api/v1/auths/", "Authorization", "Bearer " + token,
                "X-Forwarded-Email", "bob@example.org");
        TestServer.Response missing = server.get("/api/v1/auths/", "Authorization", "Bearer " + token);

        assertEquals(401, switched.status);
        assertEquals(Messages.USER_MISMATCH, switched.detail());
        assertEquals(401, missing.status, "without the proxy's header a stolen token is worth nothing");
        assertEquals(Messages.USER_MISMATCH, missing.detail());
    }

    @Test
    void passwordsCannotBeChangedBehindTheProxy() {
        startBehind("127.0.0.1/32");
        String token = (String) signInAs("ann@example.org").field("token");

        TestServer.Response refused = server.post("/api/v1/auths/update/password",
                Map.of("password", "a", "new_password", "correct horse battery"), "Authorization", "Bearer " + token,
                "X-Forwarded-Email", "ann@example.org");

        assertEquals(400, refused.status);
        assertEquals(Messages.ACTION_PROHIBITED, refused.detail());
    }

    @Test
    void theModeNeedsTrustedProxies() {
        assertThrows(IllegalArgumentException.class, () -> new HttpSettings("Lax", false, "x-api-key", List.of(),
                java.util.Set.of(), "Gatehouse", "test", false, 64 * 1024,
                new io.gatehouse.domain.user.ProfileImagePolicy(1000), Optional.of(HEADERS)));
        server = TestServer.start();
        assertFalse((Boolean) ((Map<?, ?>) server.get("/api/config").field("features")).get("auth_trusted_header"));
    }
}
