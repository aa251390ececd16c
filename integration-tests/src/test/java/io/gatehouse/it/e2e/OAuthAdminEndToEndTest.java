package io.gatehouse.it.e2e;

import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single sign-on admin settings through the standalone server, against mock-oauth2-server as a real OpenID
 * provider: a provider an admin configures signs in at once (Open WebUI needs a restart that never comes, #26917), and
 * {@code ENABLE_OAUTH_PERSISTENT_CONFIG} decides whether a change is stored for every instance or stays on one.
 */
class OAuthAdminEndToEndTest {

    private static final String CLIENT_ID = "gatehouse-admin-e2e";
    private static final String SECRET = "provider-secret-from-the-admin-form";
    private static final String PATH = "/api/v1/auths/admin/config/oauth";
    private static MockOAuth2Server provider;

    private final Browser browser = new Browser();
    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void startProvider() throws IOException {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private <T extends AutoCloseable> T started(T resource) {
        running.add(resource);
        return resource;
    }

    private static String adminOf(E2eServer server) {
        Client.Answer signup = server.client.post("/api/v1/auths/signup", Map.of("name", "Root",
                "email", "root@example.org", "password", "correct horse"));
        assertEquals(200, signup.status, signup.body);
        return "Bearer " + signup.field("token");
    }

    private static String signIn(E2eServer server) {
        return "Bearer " + server.client.post("/api/v1/auths/signin", Map.of("email", "root@example.org",
                "password", "correct horse")).field("token");
    }

    private static Map<?, ?> providers(E2eServer server) {
        return (Map<?, ?>) ((Map<?, ?>) server.client.get("/api/config").field("oauth")).get("providers");
    }

    private static Map<String, Object> corpProvider() {
        return Map.of("OAUTH_CLIENT_ID", CLIENT_ID, "OAUTH_CLIENT_SECRET", SECRET,
                "OPENID_PROVIDER_URL", provider.wellKnownUrl("corp").toString(), "OAUTH_PROVIDER_NAME", "Corp SSO",
                "ENABLE_OAUTH_SIGNUP", true);
    }

    private static String base(E2eServer server) {
        return "http://127.0.0.1:" + server.client.port();
    }

    /** Waits for what another instance does on its own thread, failing after the deadline. */
    private static void within(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aProviderAnAdminConfiguresSignsInAtOnceAndARemovedOneIsGone() {
        E2eServer server = started(E2eServer.start());
        String admin = adminOf(server);
        assertEquals(Map.of(), providers(server));
        assertEquals(404, browser.get(base(server) + "/oauth/oidc/login", null).statusCode());

        Client.Answer saved = server.client.send("POST", PATH, corpProvider(), "Authorization", admin);

        assertEquals(200, saved.status, saved.body);
        assertFalse(saved.body.contains(SECRET), saved.body);
        assertEquals(Map.of("oidc", "Corp SSO"), providers(server));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "alice", "JWT", List.of(CLIENT_ID),
                Map.of("email", "alice@corp.example", "name", "Alice"), 3600));
        HttpResponse<String> landed = browser.signIn(base(server), "oidc", url -> url);
        assertEquals(302, landed.statusCode(), landed.body());
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/auth"),
                landed.headers().firstValue("Location").orElseThrow());
        String token = landed.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("token="))
                .findFirst().orElseThrow().split(";", 2)[0].substring("token=".length());
        assertEquals("alice@corp.example", server.client.get("/api/v1/auths/", "Authorization", "Bearer " + token)
                .field("email"));

        assertEquals(200, server.client.send("POST", PATH, Map.of("OAUTH_CLIENT_ID", ""), "Authorization", admin)
                .status);
        assertEquals(Map.of(), providers(server));
        assertEquals(404, browser.get(base(server) + "/oauth/oidc/login", null).statusCode());
    }

    @Test
    void withPersistenceAChangeIsStoredReachesEveryInstanceAndOutlivesARestart() {
        EmbeddedRedis redis = started(EmbeddedRedis.start());
        String[] environment = {"REDIS_URL", redis.url(), "REDIS_KEY_PREFIX", "e2e-" + UUID.randomUUID(),
                "ENABLE_OAUTH_PERSISTENT_CONFIG", "true"};
        E2eServer a = started(E2eServer.start(environment));
        E2eServer b = started(a.again(environment));
        String admin = adminOf(a);

        assertEquals(200, a.client.send("POST", PATH, corpProvider(), "Authorization", admin).status);

        within(Duration.ofSeconds(10), () -> providers(b).equals(Map.of("oidc", "Corp SSO")),
                "the other instance lists the provider");
        E2eServer restarted = started(b.again(environment));
        assertEquals(Map.of("oidc", "Corp SSO"), providers(restarted), "the stored settings win over the environment");
        assertFalse(restarted.client.send("GET", PATH, null, "Authorization", signIn(restarted)).body.contains(SECRET));
    }

    @Test
    void withoutPersistenceAChangeHoldsOnTheInstanceThatTookItUntilItStops() {
        EmbeddedRedis redis = started(EmbeddedRedis.start());
        String[] environment = {"REDIS_URL", redis.url(), "REDIS_KEY_PREFIX", "e2e-" + UUID.randomUUID()};
        E2eServer a = started(E2eServer.start(environment));
        E2eServer b = started(a.again(environment));
        String admin = adminOf(a);

        assertEquals(200, a.client.send("POST", PATH, corpProvider(), "Authorization", admin).status);
        // a stored change made afterwards is announced to a; the process-local provider must survive that reload
        assertEquals(200, b.client.send("POST", "/api/v1/auths/admin/config/ldap", Map.of("enable_ldap", true),
                "Authorization", signIn(b)).status);
        within(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(((Map<?, ?>) a.client.get("/api/config")
                .field("features")).get("enable_ldap")), "the stored change reaches the first instance");

        assertEquals(Map.of("oidc", "Corp SSO"), providers(a));
        assertEquals(Map.of(), providers(b), "never stored, so never seen elsewhere");
        E2eServer restarted = started(a.again(environment));
        assertEquals(Map.of(), providers(restarted), "the environment wins at start");
    }
}
