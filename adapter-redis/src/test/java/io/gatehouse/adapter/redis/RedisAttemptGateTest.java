package io.gatehouse.adapter.redis;

import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleAttemptGate;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AttemptGate.Admission;
import io.gatehouse.application.port.out.AttemptGate.Attempt;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.service.session.SignInWithPasswordService;
import io.gatehouse.application.service.session.SingleUserSignIn;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.throttle.FailureStreak;
import io.gatehouse.domain.throttle.WindowLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate as Redis sees it: the keys, values and times to live the counter and the streaks have always used, counts
 * written by instances that predate the gate, the script cache lost, and the round trips of a refused sign-in. The
 * answers themselves are {@link RedisAttemptGateContractTest}'s.
 */
class RedisAttemptGateTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Duration FORGET = Duration.ofHours(12);
    private static final String STREAK = "signin:account:ann@example.org";
    private static final String FAILURES = "signin:address-failures:203.0.113.7";
    private static final String ATTEMPTS = "signin:account-address:ann@example.org|203.0.113.7";
    private static final Attempt ATTEMPT = new Attempt(STREAK, 100, FAILURES, new WindowLimit(100, WINDOW),
            ATTEMPTS, WINDOW);

    private RedisSettings settings;
    private Redis connection;
    private SimpleAttemptCounter localCounter;
    private AttemptCounter counter;
    private FailureStreaks streaks;
    private AttemptGate gate;

    @BeforeEach
    void connect() {
        settings = redis.freshSettings();
        connection = redis.open(settings);
        localCounter = new SimpleAttemptCounter();
        SimpleFailureStreaks localStreaks = new SimpleFailureStreaks();
        counter = connection.attemptCounter(localCounter);
        streaks = connection.failureStreaks(localStreaks);
        gate = connection.attemptGate(new SimpleAttemptGate(localCounter, localStreaks));
    }

    private String key(String rest) {
        return settings.keyPrefix() + ":" + rest;
    }

    private static String bucketOf(Instant now) {
        return Long.toString(now.getEpochSecond() / 60);
    }

    @Test
    void anAttemptIsCountedInTheHashTheCounterUsesWithItsExpiryAndTheOtherKeysAreOnlyRead() {
        Instant now = Instant.now();
        streaks.recordFailure(STREAK, now, FORGET);
        counter.increment(FAILURES, WINDOW, now);
        redis.reader.pexpire(key("ratelimit:" + FAILURES), 100_000);           // so that a new expiry would show
        redis.reader.pexpire(key("auth:failures:" + STREAK), 200_000);

        assertEquals(OptionalLong.of(1), gate.admit(ATTEMPT, now).attempts());

        String attempts = key("ratelimit:" + ATTEMPTS);
        assertEquals(Map.of(bucketOf(now), "1"), redis.reader.hgetAll(attempts));
        long ttl = redis.reader.ttl(attempts);
        assertTrue(ttl <= 240 && ttl > 230, () -> ttl + " s: a window and a bucket, as the counter sets it");
        assertEquals(Map.of(bucketOf(now), "1"), redis.reader.hgetAll(key("ratelimit:" + FAILURES)));
        assertTrue(redis.reader.pttl(key("ratelimit:" + FAILURES)) <= 100_000, "the failures' expiry untouched");
        assertEquals(Map.of("failures", "1", "last", Long.toString(now.toEpochMilli())),
                redis.reader.hgetAll(key("auth:failures:" + STREAK)));
        assertTrue(redis.reader.pttl(key("auth:failures:" + STREAK)) <= 200_000, "the streak's expiry untouched");
        assertEquals(Set.of(attempts, key("ratelimit:" + FAILURES), key("auth:failures:" + STREAK)),
                redis.reader.keys(settings.keyPrefix() + ":*"), "no key of its own");
    }

    @Test
    void anAttemptThatIsNotCountedWritesNothing() {
        Instant now = Instant.now();
        for (int i = 0; i < 100; i++) {
            counter.increment(FAILURES, WINDOW, now);
        }

        assertEquals(new Admission(FailureStreak.NONE, 100, OptionalLong.empty()), gate.admit(ATTEMPT, now));

        assertFalse(redis.reader.exists(key("ratelimit:" + ATTEMPTS)));
    }

    @Test
    void countsWrittenBeforeTheGateExistedAreReadAndCountedOn() {
        // As an instance of the previous version left them: the counter's buckets and the streak's two fields.
        Instant now = Instant.now();
        long current = now.getEpochSecond() / 60;
        redis.reader.hset(key("ratelimit:" + ATTEMPTS), Map.of(Long.toString(current - 1), "4",
                Long.toString(current), "3", Long.toString(current - 10), "50"));
        redis.reader.hset(key("ratelimit:" + FAILURES), Map.of(Long.toString(current - 3), "7"));
        Instant lastFailure = now.minusSeconds(30);
        redis.reader.hset(key("auth:failures:" + STREAK), Map.of("failures", "99",
                "last", Long.toString(lastFailure.toEpochMilli())));

        Admission admission = gate.admit(ATTEMPT, now);

        assertEquals(new Admission(new FailureStreak(99, Optional.of(lastFailure.truncatedTo(ChronoUnit.MILLIS))), 7,
                OptionalLong.of(8)), admission);
        assertEquals(Map.of(Long.toString(current - 1), "4", Long.toString(current), "4"),
                redis.reader.hgetAll(key("ratelimit:" + ATTEMPTS)), "the bucket out of the window dropped, as always");
        streaks.recordFailure(STREAK, now, FORGET);
        assertEquals(new Admission(new FailureStreak(100, Optional.of(now.truncatedTo(ChronoUnit.MILLIS))),
                7, OptionalLong.empty()), gate.admit(ATTEMPT, now));
    }

    @Test
    void theScriptIsLoadedAgainAfterRedisLostItsScripts() {
        Instant now = Instant.now();
        assertEquals(OptionalLong.of(1), gate.admit(ATTEMPT, now).attempts());
        assertTrue(redis.reader.scriptExists(RedisAttemptGate.SCRIPT.sha1(), "any"));

        redis.reader.scriptFlush();
        assertFalse(redis.reader.scriptExists(RedisAttemptGate.SCRIPT.sha1(), "any"));

        assertEquals(OptionalLong.of(2), gate.admit(ATTEMPT, now).attempts());
        assertTrue(redis.reader.scriptExists(RedisAttemptGate.SCRIPT.sha1(), "any"), "loaded again");
        assertEquals(OptionalLong.of(3), gate.admit(ATTEMPT, now).attempts());
        assertTrue(connection.isAnswering(), "a missing script is no outage");
        assertEquals(0, localCounter.count(ATTEMPTS, WINDOW, now), "never counted by the instance");
    }

    @Test
    void aRateLimitedSignInCostsOneRoundTrip() throws Exception {
        TestGatehouse gatehouse = new TestGatehouse();
        gatehouse.signedUp("ann@example.org");
        SignInWithPasswordService signIn = new SignInWithPasswordService(gatehouse.fixed, gatehouse.users,
                gatehouse.hasher, counter, streaks, gate, gatehouse.sessions,
                new SingleUserSignIn(gatehouse.users, gatehouse.hasher, gatehouse.registrar, gatehouse.sessions),
                gatehouse.events, gatehouse.clock);
        SignInWithPasswordUseCase.Command attempt = new SignInWithPasswordUseCase.Command("ann@example.org",
                PlainPassword.of("a wrong password"), new ClientAddress("203.0.113.7"));
        for (int i = 0; i < 15; i++) {
            signIn.signIn(attempt);                                          // Open WebUI's 15 per 3 minutes
        }

        List<String> commands = commandsSentDuring(() -> assertEquals(SignInWithPasswordUseCase.Refusal.RATE_LIMITED,
                assertInstanceOf(SignInWithPasswordUseCase.Result.Refused.class, signIn.signIn(attempt)).reason()));

        assertEquals(1, commands.size(), () -> "one command: " + commands);
        assertTrue(commands.get(0).contains("\"EVALSHA\""), commands::toString);
    }

    /** The commands clients sent while {@code action} ran (not those a script ran), as MONITOR shows them. */
    private static List<String> commandsSentDuring(Runnable action) throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        String marker = "end-of-action-" + System.nanoTime();
        Jedis monitor = new Jedis("127.0.0.1", redis.server.port());
        Thread listener = new Thread(() -> {
            try {
                monitor.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String command) {
                        if (command.contains(marker)) {
                            done.countDown();
                        } else if (!command.contains(" lua]") && !command.contains("start-of-action")) {
                            seen.add(command);
                        }
                        if (command.contains("start-of-action")) {
                            listening.countDown();
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // the connection is closed below
            }
        });
        listener.start();
        try {
            // MONITOR shows what follows it: ask until the monitor has seen a command, then act.
            while (!listening.await(50, TimeUnit.MILLISECONDS)) {
                redis.reader.echo("start-of-action");
            }
            seen.clear();
            action.run();
            redis.reader.echo(marker);
            assertTrue(done.await(5, TimeUnit.SECONDS), "the monitor saw the end");
            return List.copyOf(seen);
        } finally {
            monitor.close();
            listener.join(5_000);
        }
    }
}
