package io.gatehouse.it.e2e;

import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.gatehouse.application.fake.Concurrently.runTogether;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two standalone servers on two ports sharing one PostgreSQL database and one Redis, as behind a load balancer: what
 * happens on one holds on the other.
 */
class MultiInstanceEndToEndTest {

    private static final String PASSWORD = "correct horse";

    private final EmbeddedRedis redis = EmbeddedRedis.start();
    private final String prefix = "e2e-" + UUID.randomUUID();
    private final E2eServer a = E2eServer.start("REDIS_URL", redis.url(), "REDIS_KEY_PREFIX", prefix);
    private final E2eServer b = a.again("REDIS_URL", redis.url(), "REDIS_KEY_PREFIX", prefix);

    @AfterEach
    void stop() {
        b.close();
        a.close();
        redis.close();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private String signUp(E2eServer server, String email) {
        Client.Answer answer = server.client.post("/api/v1/auths/signup",
                Map.of("name", "Someone", "email", email, "password", PASSWORD));
        assertEquals(200, answer.status, answer.body);
        return (String) answer.field("token");
    }

    private static Client.Answer signIn(E2eServer server, String email, String password) {
        return server.client.post("/api/v1/auths/signin", Map.of("email", email, "password", password));
    }

    private static int session(E2eServer server, String token) {
        return server.client.get("/api/v1/auths/", "Authorization", bearer(token)).status;
    }

    /** Waits for something another instance does on its own thread, failing after the deadline. */
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
    void aTokenSignedOutOnOneInstanceIsRefusedOnTheOther() {
        String token = signUp(a, "root@example.org");
        assertEquals(200, session(b, token));

        assertEquals(200, a.client.post("/api/v1/auths/signout", null, "Authorization", bearer(token)).status);

        Client.Answer refused = b.client.get("/api/v1/auths/", "Authorization", bearer(token));
        assertEquals(401, refused.status);
        assertEquals("Invalid token", refused.detail());
    }

    @Test
    void failedSignInsOnBothInstancesCountTogether() {
        signUp(a, "root@example.org");
        for (int attempt = 1; attempt <= 15; attempt++) {
            E2eServer server = attempt % 2 == 0 ? a : b;
            assertEquals(400, signIn(server, "root@example.org", "wrong password").status, "attempt " + attempt);
        }

        Client.Answer onA = signIn(a, "root@example.org", PASSWORD);
        Client.Answer onB = signIn(b, "root@example.org", PASSWORD);

        assertEquals(429, onA.status, onA.body);
        assertEquals(429, onB.status, onB.body);
    }

    @Test
    void fiftyParallelWrongPasswordsOverBothInstancesLetNoMoreThanTheLimitThrough() throws Exception {
        signUp(a, "root@example.org");
        AtomicInteger turn = new AtomicInteger();

        List<Integer> statuses = runTogether(50,
                () -> signIn(turn.incrementAndGet() % 2 == 0 ? a : b, "root@example.org", "wrong password").status);

        assertEquals(15, statuses.stream().filter(status -> status == 400).count(), statuses::toString);
        assertEquals(35, statuses.stream().filter(status -> status == 429).count(), statuses::toString);
    }

    @Test
    void anAdminSettingChangedOnOneInstanceHoldsOnTheOtherWithinASecond() {
        String admin = signUp(a, "root@example.org");
        assertEquals(200, a.client.post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true),
                "Authorization", bearer(admin)).status);
        within(Duration.ofSeconds(1), () -> signupEnabled(b), "sign-up opened on B");

        Client.Answer closed = a.client.post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", false),
                "Authorization", bearer(admin));
        assertEquals(200, closed.status, closed.body);

        within(Duration.ofSeconds(1), () -> !signupEnabled(b), "sign-up closed on B");
        Client.Answer refused = b.client.post("/api/v1/auths/signup",
                Map.of("name", "Late", "email", "late@example.org", "password", PASSWORD));
        assertEquals(403, refused.status, refused.body);
    }

    private static boolean signupEnabled(E2eServer server) {
        Map<?, ?> features = (Map<?, ?>) server.client.get("/api/config").field("features");
        return Boolean.TRUE.equals(features.get("enable_signup"));
    }

    @Test
    void whileRedisIsDownNothingFailsAndNoRevokedTokenComesBackAndAfterwardsRedisIsUsedAgain() {
        String valid = signUp(a, "root@example.org");
        String revoked = signIn(a, "root@example.org", PASSWORD).field("token").toString();
        a.client.post("/api/v1/auths/signout", null, "Authorization", bearer(revoked));

        redis.stop();
        List<Integer> statuses = new ArrayList<>();
        for (int request = 0; request < 40; request++) {
            E2eServer server = request % 2 == 0 ? a : b;
            statuses.add(session(server, valid));
            assertEquals(401, session(server, revoked), "request " + request);
        }
        String signedOutDuringOutage = signIn(b, "root@example.org", PASSWORD).field("token").toString();
        assertEquals(200, b.client.post("/api/v1/auths/signout", null, "Authorization", bearer(signedOutDuringOutage)).status);
        assertEquals(401, session(a, signedOutDuringOutage), "revoked in the database while Redis was away");
        assertTrue(statuses.stream().allMatch(status -> status == 200), statuses::toString);

        redis.startAgain();
        try (RedisClient reader = RedisClient.create(redis.url())) {
            // Each probe is a new account's good sign-in: a refusal remembered from the outage cannot hide the count.
            AtomicInteger probe = new AtomicInteger();
            within(Duration.ofSeconds(10), () -> {
                String email = "probe-" + probe.incrementAndGet() + "@example.org";
                assertEquals(200, a.client.post("/api/v1/auths/add", Map.of("name", "Probe", "email", email,
                        "password", PASSWORD, "role", "user"), "Authorization", bearer(valid)).status);
                assertEquals(200, signIn(a, email, PASSWORD).status);
                return !reader.keys(prefix + ":ratelimit:*").isEmpty();
            }, "sign-in attempts counted in Redis again");
            String later = signIn(a, "root@example.org", PASSWORD).field("token").toString();
            a.client.post("/api/v1/auths/signout", null, "Authorization", bearer(later));
            assertEquals(1, reader.keys(prefix + ":auth:token:*:revoked").size(), "revocations written to Redis again");
        }
        assertEquals(401, session(b, revoked));
        assertEquals(200, session(b, valid));
    }
}
