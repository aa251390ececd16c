package io.gatehouse.adapter.redis;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import io.gatehouse.adapter.redis.testing.EmbeddedRedisCluster;
import io.gatehouse.adapter.redis.testing.EmbeddedRedisCluster.Node;
import io.gatehouse.adapter.redis.testing.EmbeddedSentinel;
import io.gatehouse.adapter.redis.testing.EmbeddedSentinel.Master;
import io.gatehouse.application.fake.InMemoryTokenRevocations;
import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleAttemptGate;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AttemptGate.Attempt;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.throttle.WindowLimit;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis as deployments run it: behind a password and an ACL user, behind Sentinel, as a Cluster, and not there at
 * all. Every server is real, listens on 127.0.0.1 only, and is stopped when its group of tests ends.
 */
class RedisTopologyTest {

    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration QUICK = Duration.ofMillis(300);

    /** Connections opened by one test, closed after it. */
    private final List<Redis> opened = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        opened.forEach(Redis::close);
        opened.clear();
    }

    private Redis open(RedisSettings settings) {
        Redis redis = Redis.open(settings);
        opened.add(redis);
        return redis;
    }

    private static RedisSettings fresh(RedisSettings settings) {
        return settings.withKeyPrefix("test-" + UUID.randomUUID());
    }

    private static String shortLivedKey(RedisSettings settings, String key) {
        return settings.keyPrefix() + ":auth:ephemeral:" + key;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class PasswordProtected {

        private static final String PASSWORD = "Secret-4711";
        /** The ACL user's own password, unlike the default user's: percent-encoded in the URL. */
        private static final String ALICE_PASSWORD = "p@ss:w/rd-0815";
        private static final String ALICE_PASSWORD_IN_URL = "p%40ss%3Aw%2Frd-0815";
        private static final String WRONG_PASSWORD = "Wrong-Guess-2323";

        private EmbeddedRedis server;

        @BeforeAll
        void startServer() {
            server = EmbeddedRedis.start("requirepass " + PASSWORD, "user alice on >" + ALICE_PASSWORD + " ~* &* +@all");
        }

        @AfterAll
        void stopServer() {
            server.close();
        }

        private String url(String userInfo, int database) {
            return "redis://" + userInfo + "@127.0.0.1:" + server.port() + "/" + database;
        }

        /** A plain client logged in as the default user, on {@code database}. */
        private Jedis reader(int database) {
            Jedis jedis = new Jedis("127.0.0.1", server.port());
            jedis.auth(PASSWORD);
            jedis.select(database);
            return jedis;
        }

        @Test
        void theDefaultUsersPasswordOpensTheUrlsDatabase() {
            RedisSettings settings = fresh(RedisSettings.of(url(":" + PASSWORD, 2)));
            Redis redis = open(settings);
            ShortLivedValues values = redis.shortLivedValues();
            SimpleAttemptCounter local = new SimpleAttemptCounter();
            AttemptCounter counter = redis.attemptCounter(local);
            Instant now = Instant.now();

            values.put("state", "abc", TEN_MINUTES);
            assertEquals(1, counter.increment("signin", WINDOW, now));
            assertEquals(2, counter.increment("signin", WINDOW, now));

            assertEquals(Optional.of("abc"), values.get("state"));
            assertEquals(0, local.count("signin", WINDOW, now), "counted in Redis, not by the instance");
            try (Jedis db2 = reader(2); Jedis db0 = reader(0)) {
                assertEquals("abc", db2.get(shortLivedKey(settings, "state")));
                assertTrue(db2.exists(settings.keyPrefix() + ":ratelimit:signin"));
                assertFalse(db0.exists(shortLivedKey(settings, "state")), "nothing in database 0");
            }
        }

        @Test
        void anAclUserLogsInWithItsOwnPercentEncodedPassword() {
            // Alice's password is not the default user's: the call only succeeds if the user name is sent with it.
            RedisSettings settings = fresh(RedisSettings.of(url("alice:" + ALICE_PASSWORD_IN_URL, 2)));
            assertEquals(Optional.of(ALICE_PASSWORD), settings.password());
            ShortLivedValues values = open(settings).shortLivedValues();

            values.put("state", "from-alice", TEN_MINUTES);

            assertEquals(Optional.of("from-alice"), values.take("state"));
            values.put("state", "again", TEN_MINUTES);
            try (Jedis db2 = reader(2)) {
                assertEquals("again", db2.get(shortLivedKey(settings, "state")));
            }
        }

        @Test
        void aWrongPasswordFailsEveryCallWithoutTellingThePassword() {
            ListAppender<ILoggingEvent> log = captureAllLogs();
            try {
                for (String userInfo : List.of(":" + WRONG_PASSWORD, "alice:" + WRONG_PASSWORD)) {
                    RedisSettings settings = fresh(RedisSettings.of(url(userInfo, 2)));
                    assertFalse(settings.toString().contains(WRONG_PASSWORD), settings::toString);

                    InfrastructureException refused = assertThrows(InfrastructureException.class,
                            () -> open(settings).shortLivedValues().put("state", "v", TEN_MINUTES));
                    assertNoPasswordIn(refused, WRONG_PASSWORD);

                    SimpleAttemptCounter local = new SimpleAttemptCounter();
                    Redis other = open(settings);
                    Instant now = Instant.now();
                    assertEquals(1, other.attemptCounter(local).increment("signin", WINDOW, now));
                    assertEquals(1, local.count("signin", WINDOW, now), "counted by the instance instead");
                    assertFalse(other.isAnswering());
                    try (Jedis db2 = reader(2)) {
                        assertFalse(db2.exists(settings.keyPrefix() + ":ratelimit:signin"));
                    }
                }
            } finally {
                stopCapturing(log);
            }
            assertFalse(log.list.isEmpty(), "the outage was logged");
            for (ILoggingEvent event : log.list) {
                assertFalse(event.getFormattedMessage().contains(WRONG_PASSWORD), event::getFormattedMessage);
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    assertFalse(String.valueOf(cause.getMessage()).contains(WRONG_PASSWORD), cause::getMessage);
                }
            }
        }

        @Test
        void noPasswordAtAllIsRefusedToo() {
            ShortLivedValues values = open(fresh(RedisSettings.of("redis://127.0.0.1:" + server.port() + "/2")))
                    .shortLivedValues();

            assertThrows(InfrastructureException.class, () -> values.get("state"));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Sentinel {

        private static final String PASSWORD = "Master-Secret-99";

        private EmbeddedRedis master;
        private EmbeddedRedis protectedMaster;
        private EmbeddedSentinel sentinel;

        @BeforeAll
        void startServers() {
            master = EmbeddedRedis.start();
            protectedMaster = EmbeddedRedis.start("requirepass " + PASSWORD);
            // The sentinel itself has no password and only database 0: the URL's password and database are the
            // master's, and the test fails if they are sent to the sentinel.
            sentinel = EmbeddedSentinel.start(List.of(Master.of("mymaster", master),
                    Master.withPassword("protected", protectedMaster, PASSWORD)));
        }

        @AfterAll
        void stopServers() {
            if (sentinel != null) {
                sentinel.close();
            }
            if (protectedMaster != null) {
                protectedMaster.close();
            }
            if (master != null) {
                master.close();
            }
        }

        @Test
        void theUrlsHostNamesTheMasterWhichTheListedSentinelFinds() {
            RedisSettings settings = fresh(RedisSettings.of("redis://mymaster",
                    List.of("127.0.0.1:" + sentinel.port()), RedisSettings.DEFAULT_SENTINEL_PORT, false));
            Redis redis = open(settings);
            SimpleAttemptCounter local = new SimpleAttemptCounter();
            AttemptCounter counter = redis.attemptCounter(local);
            ShortLivedValues values = redis.shortLivedValues();
            Instant now = Instant.now();

            assertEquals(1, counter.increment("signin", WINDOW, now));
            assertEquals(2, counter.increment("signin", WINDOW, now));
            values.put("state", "abc", TEN_MINUTES);

            assertEquals(2, counter.count("signin", WINDOW, now));
            assertEquals(0, local.count("signin", WINDOW, now));
            assertEquals(Optional.of("abc"), values.get("state"));
            try (Jedis onMaster = new Jedis("127.0.0.1", master.port())) {
                assertEquals("abc", onMaster.get(shortLivedKey(settings, "state")), "written on the master");
                assertEquals(1, onMaster.hgetAll(settings.keyPrefix() + ":ratelimit:signin").size());
            }
            assertTrue(redis.isAnswering());
        }

        @Test
        void aSentinelListedWithoutPortIsAskedOnTheSentinelPortAfterADeadOne() {
            RedisSettings settings = fresh(RedisSettings.of("redis://mymaster",
                    List.of("127.0.0.1:" + unusedPort(), "127.0.0.1"), sentinel.port(), false));
            ShortLivedValues values = open(settings).shortLivedValues();

            values.put("state", "abc", TEN_MINUTES);

            assertEquals(Optional.of("abc"), values.take("state"));
            assertEquals(Optional.empty(), values.get("state"));
        }

        @Test
        void theUrlsPasswordAndDatabaseGoToTheMasterOnly() {
            RedisSettings settings = fresh(RedisSettings.of("redis://:" + PASSWORD + "@protected/3",
                    List.of("127.0.0.1:" + sentinel.port()), RedisSettings.DEFAULT_SENTINEL_PORT, false));
            ShortLivedValues values = open(settings).shortLivedValues();

            values.put("state", "abc", TEN_MINUTES);

            try (Jedis onMaster = new Jedis("127.0.0.1", protectedMaster.port())) {
                onMaster.auth(PASSWORD);
                onMaster.select(3);
                assertEquals("abc", onMaster.get(shortLivedKey(settings, "state")), "in database 3 of the master");
            }
        }

        @Test
        void aMasterNameNoSentinelMonitorsCannotBeOpened() {
            RedisSettings settings = RedisSettings.of("redis://:" + PASSWORD + "@unknown-master",
                    List.of("127.0.0.1:" + sentinel.port()), RedisSettings.DEFAULT_SENTINEL_PORT, false)
                    .withTimeouts(QUICK, QUICK);

            IllegalStateException refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(IllegalStateException.class, () -> open(settings)));
            assertTrue(refused.getMessage().contains("sentinel"), refused::getMessage);
            assertNoPasswordIn(refused, PASSWORD);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Cluster {

        private EmbeddedRedisCluster cluster;
        private RedisSettings settings;
        private Redis redis;

        @BeforeAll
        void startCluster() {
            cluster = EmbeddedRedisCluster.start(3, Duration.ofSeconds(10));
        }

        @AfterAll
        void stopCluster() {
            if (cluster != null) {
                cluster.close();
            }
        }

        /** Seeded from the first node only: the others, and which slots they own, are found from it. */
        private Redis connect() {
            settings = fresh(RedisSettings.of(cluster.seedUrl(), List.of(), RedisSettings.DEFAULT_SENTINEL_PORT, true));
            redis = open(settings);
            return redis;
        }

        /** For each node, a key name whose full Redis key ({@code fullKey}) that node owns. */
        private Map<Node, String> oneKeyPerNode(UnaryOperator<String> fullKey) {
            Map<Node, String> keys = new HashMap<>();
            for (int i = 0; keys.size() < cluster.nodes().size(); i++) {
                String key = "k" + i;
                keys.putIfAbsent(cluster.nodeOwning(fullKey.apply(key)), key);
            }
            return keys;
        }

        @Test
        void attemptCountsLiveOnTheNodeOwningTheirKey() {
            SimpleAttemptCounter local = new SimpleAttemptCounter();
            AttemptCounter counter = connect().attemptCounter(local);
            Instant now = Instant.now();

            Map<Node, String> keys = oneKeyPerNode(key -> settings.keyPrefix() + ":ratelimit:" + key);
            keys.forEach((node, key) -> {
                assertEquals(1, counter.increment(key, WINDOW, now));
                assertEquals(2, counter.increment(key, WINDOW, now));
                assertEquals(2, counter.count(key, WINDOW, now));
                try (Jedis owner = EmbeddedRedisCluster.clientTo(node)) {
                    assertEquals(Map.of(Long.toString(now.getEpochSecond() / 60), "2"),
                            owner.hgetAll(settings.keyPrefix() + ":ratelimit:" + key), () -> "on node " + node);
                }
            });
            keys.values().forEach(key -> assertEquals(0, local.count(key, WINDOW, now), "never counted by the instance"));
            assertTrue(redis.isAnswering());
        }

        @Test
        void failureStreaksLiveOnTheNodeOwningTheirKey() {
            FailureStreaks streaks = connect().failureStreaks(new SimpleFailureStreaks());
            Instant now = Instant.now();

            oneKeyPerNode(key -> settings.keyPrefix() + ":auth:failures:" + key).forEach((node, key) -> {
                assertEquals(1, streaks.recordFailure(key, now, Duration.ofMinutes(15)).failures());
                assertEquals(2, streaks.recordFailure(key, now.plusSeconds(1), Duration.ofMinutes(15)).failures());
                assertEquals(2, streaks.current(key).failures());
                try (Jedis owner = EmbeddedRedisCluster.clientTo(node)) {
                    assertEquals("2", owner.hget(settings.keyPrefix() + ":auth:failures:" + key, "failures"));
                }
                streaks.clear(key);
                assertEquals(0, streaks.current(key).failures());
            });
            assertTrue(redis.isAnswering());
        }

        @Test
        void theGateWorksAcrossTheNodesOwningItsThreeKeys() {
            SimpleAttemptCounter localCounter = new SimpleAttemptCounter();
            SimpleFailureStreaks localStreaks = new SimpleFailureStreaks();
            connect();
            AttemptCounter counter = redis.attemptCounter(localCounter);
            FailureStreaks streaks = redis.failureStreaks(localStreaks);
            AttemptGate gate = redis.attemptGate(new SimpleAttemptGate(localCounter, localStreaks));
            Instant now = Instant.now();
            // Keys on three different nodes, so no one script could span them.
            List<String> keys = List.copyOf(oneKeyPerNode(key -> settings.keyPrefix() + ":ratelimit:" + key).values());
            String streak = "streak";
            Attempt attempt = new Attempt(streak, 2, keys.get(0), new WindowLimit(1, WINDOW), keys.get(1), WINDOW);

            assertEquals(OptionalLong.of(1), gate.admit(attempt, now).attempts());
            streaks.recordFailure(streak, now, TEN_MINUTES);
            assertEquals(OptionalLong.of(2), gate.admit(attempt, now).attempts());
            streaks.recordFailure(streak, now, TEN_MINUTES);
            assertEquals(OptionalLong.empty(), gate.admit(attempt, now).attempts(), "the streak reached 2");
            streaks.clear(streak);
            counter.increment(keys.get(0), WINDOW, now);
            assertEquals(OptionalLong.empty(), gate.admit(attempt, now).attempts(), "the failures reached 1");

            assertEquals(2, counter.count(keys.get(1), WINDOW, now));
            assertEquals(0, localCounter.count(keys.get(1), WINDOW, now), "never counted by the instance");
            assertTrue(redis.isAnswering());
        }

        @Test
        void revocationsAreWrittenToWhicheverNodeOwnsTheirKey() {
            connect();
            TokenRevocations revocations = redis.tokenRevocations(new InMemoryTokenRevocations(), Clock.systemUTC());
            Map<Node, TokenClaims> tokens = new HashMap<>();
            while (tokens.size() < cluster.nodes().size()) {
                TokenClaims claims = TokenClaims.issue(UserId.random(), TokenType.SESSION, 0,
                        TokenLifetime.parse("1h").orElseThrow(), Instant.now());
                tokens.putIfAbsent(cluster.nodeOwning(revokedKey(claims)), claims);
            }

            tokens.values().forEach(revocations::revoke);

            tokens.forEach((node, claims) -> {
                try (Jedis owner = EmbeddedRedisCluster.clientTo(node)) {
                    assertEquals("1", owner.get(revokedKey(claims)));
                }
            });
            assertTrue(redis.isAnswering());
        }

        private String revokedKey(TokenClaims claims) {
            return settings.keyPrefix() + ":auth:token:" + claims.tokenId().value() + ":revoked";
        }

        @Test
        void shortLivedValuesLiveOnTheNodeOwningTheirKey() {
            ShortLivedValues values = connect().shortLivedValues();

            oneKeyPerNode(key -> shortLivedKey(settings, key)).forEach((node, key) -> {
                values.put(key, "v-" + key, TEN_MINUTES);
                assertFalse(values.putIfAbsent(key, "other", TEN_MINUTES));
                assertEquals(Optional.of("v-" + key), values.get(key));
                try (Jedis owner = EmbeddedRedisCluster.clientTo(node)) {
                    assertEquals("v-" + key, owner.get(shortLivedKey(settings, key)), () -> "on node " + node);
                }
                assertEquals(Optional.of("v-" + key), values.take(key));
                assertEquals(Optional.empty(), values.get(key));
            });
        }
    }

    @Nested
    class NothingRunning {

        private static final String PASSWORD = "Never-Shown-1234";

        @Test
        void sentinelsThatDoNotAnswerFailTheOpeningQuickly() {
            RedisSettings settings = RedisSettings.of("redis://:" + PASSWORD + "@mymaster",
                    List.of("127.0.0.1:" + unusedPort(), "127.0.0.1"), unusedPort(), false).withTimeouts(QUICK, QUICK);

            IllegalStateException refused = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(IllegalStateException.class, () -> open(settings)));
            assertTrue(refused.getMessage().contains("sentinel"), refused::getMessage);
            assertNoPasswordIn(refused, PASSWORD);
        }

        @Test
        void aClusterSeedThatDoesNotAnswerFailsTheOpeningQuickly() {
            RedisSettings settings = RedisSettings.of("redis://:" + PASSWORD + "@127.0.0.1:" + unusedPort(),
                    List.of(), RedisSettings.DEFAULT_SENTINEL_PORT, true).withTimeouts(QUICK, QUICK);

            IllegalStateException refused = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(IllegalStateException.class, () -> open(settings)));
            assertTrue(refused.getMessage().contains("cluster"), refused::getMessage);
            assertNoPasswordIn(refused, PASSWORD);
        }

        @Test
        void aSingleServerNeedNotAnswerYetButItsCallsFail() {
            RedisSettings settings = RedisSettings.of("redis://:" + PASSWORD + "@127.0.0.1:" + unusedPort())
                    .withTimeouts(QUICK, QUICK);

            Redis redis = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> open(settings));

            InfrastructureException refused = assertThrows(InfrastructureException.class,
                    () -> redis.shortLivedValues().get("state"));
            assertNoPasswordIn(refused, PASSWORD);
            assertFalse(redis.isAnswering());
        }
    }

    /** A loopback port nothing listens on. */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void assertNoPasswordIn(Throwable thrown, String password) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            assertFalse(message.contains(password), message);
        }
    }

    /** Every log event of every logger, Jedis's included, from now until {@link #stopCapturing}. */
    private static ListAppender<ILoggingEvent> captureAllLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }
}
