package io.gatehouse.adapter.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis stopped and started again under a connection: fallbacks, one line of log each way, and recovery. */
class RedisOutageTest {

    private static final Duration WINDOW = Duration.ofMinutes(3);

    private final AtomicLong nanos = new AtomicLong();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger availabilityLog = (Logger) LoggerFactory.getLogger(Availability.class);
    @RegisterExtension
    final RedisFixture redis = new RedisFixture();
    private RedisSettings settings;
    private Redis connection;

    @BeforeEach
    void connect() {
        settings = redis.freshSettings();
        connection = redis.open(settings, nanos::get);
        log.start();
        availabilityLog.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        availabilityLog.detachAppender(log);
    }

    private void pauseElapses() {
        nanos.addAndGet(Redis.RETRY_PAUSE.toNanos() + 1);
    }

    private List<String> logged(Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void countersCountPerInstanceWhileRedisIsDownSayItOnceAndUseRedisWhenItIsBack() {
        SimpleAttemptCounter local = new SimpleAttemptCounter();
        AttemptCounter counter = connection.attemptCounter(local);
        Instant now = Instant.now();
        assertEquals(1, counter.increment("k", WINDOW, now));

        redis.server.stop();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertEquals(attempt, counter.increment("k", WINDOW, now), "counted by the instance");
            pauseElapses();
        }
        assertEquals(20, local.count("k", WINDOW, now));
        assertFalse(connection.isAnswering());
        assertEquals(1, logged(Level.WARN).size(), () -> "said once: " + log.list);
        assertTrue(logged(Level.WARN).get(0).contains("count per instance"));

        redis.server.startAgain();
        pauseElapses();
        assertEquals(1, counter.increment("k", WINDOW, now), "counted in the restarted, empty Redis");
        try (RedisClient fresh = RedisClient.create(redis.server.url())) {
            assertEquals("1", fresh.hget(settings.keyPrefix() + ":ratelimit:k", Long.toString(now.getEpochSecond() / 60)));
        }
        assertTrue(connection.isAnswering());
        assertEquals(1, logged(Level.INFO).size(), () -> "said once: " + log.list);
        assertEquals(1, logged(Level.WARN).size());
    }

    @Test
    void duringThePauseRedisIsNotAskedAtAll() {
        AttemptCounter counter = connection.attemptCounter(new SimpleAttemptCounter());
        Instant now = Instant.now();
        redis.server.stop();
        counter.increment("k", WINDOW, now);

        redis.server.startAgain();
        counter.increment("k", WINDOW, now);            // the pause has not elapsed: still the instance's count

        try (RedisClient fresh = RedisClient.create(redis.server.url())) {
            assertFalse(fresh.exists(settings.keyPrefix() + ":ratelimit:k"));
        }
        pauseElapses();
        counter.increment("k", WINDOW, now);
        try (RedisClient fresh = RedisClient.create(redis.server.url())) {
            assertTrue(fresh.exists(settings.keyPrefix() + ":ratelimit:k"));
        }
    }

    @Test
    void theGateDecidesPerInstanceOverTheInstancesCountsWhileRedisIsDown() {
        SimpleAttemptCounter localCounter = new SimpleAttemptCounter();
        SimpleFailureStreaks localStreaks = new SimpleFailureStreaks();
        AttemptCounter counter = connection.attemptCounter(localCounter);
        AttemptGate gate = connection.attemptGate(new SimpleAttemptGate(localCounter, localStreaks));
        Attempt attempt = new Attempt("account", 100, "address", new WindowLimit(2, WINDOW), "account|address", WINDOW);
        Instant now = Instant.now();
        assertEquals(OptionalLong.of(1), gate.admit(attempt, now).attempts());

        redis.server.stop();
        assertEquals(OptionalLong.of(1), gate.admit(attempt, now).attempts(), "counted by the instance");
        counter.increment("address", WINDOW, now);
        counter.increment("address", WINDOW, now);
        assertEquals(2, gate.admit(attempt, now).failures(), "the failures the instance counted meanwhile");
        assertEquals(1, localCounter.count("account|address", WINDOW, now));

        redis.server.startAgain();
        pauseElapses();
        assertEquals(OptionalLong.of(1), gate.admit(attempt, now).attempts(), "counted in the restarted, empty Redis");
        assertTrue(connection.isAnswering());
    }

    @Test
    void failureStreaksFallBackToo() {
        FailureStreaks streaks = connection.failureStreaks(new SimpleFailureStreaks());
        redis.server.stop();

        assertEquals(1, streaks.recordFailure("k", Instant.now(), Duration.ofMinutes(15)).failures());
        assertEquals(1, streaks.current("k").failures());
        streaks.clear("k");
        assertEquals(0, streaks.current("k").failures());
    }

    @Test
    void revocationsNeverComeBackWhileRedisIsDownNorAfterItRestartsEmpty() {
        TokenRevocations revocations = connection.tokenRevocations(new InMemoryTokenRevocations(), Clock.systemUTC());
        TokenClaims before = claims();
        revocations.revoke(before);

        redis.server.stop();
        TokenClaims during = claims();
        revocations.revoke(during);
        assertTrue(revocations.isRevoked(before.tokenId()));
        assertTrue(revocations.isRevoked(during.tokenId()));
        assertFalse(revocations.isRevoked(TokenId.random()));

        redis.server.startAgain();
        pauseElapses();
        assertTrue(revocations.isRevoked(before.tokenId()));
        assertTrue(revocations.isRevoked(during.tokenId()));
    }

    @Test
    void shortLivedValuesRefuseToPretendWhileRedisIsDown() {
        ShortLivedValues values = connection.shortLivedValues();
        redis.server.stop();

        assertThrows(InfrastructureException.class, () -> values.put("state", "v", Duration.ofMinutes(5)));
        assertThrows(InfrastructureException.class, () -> values.take("state"));
    }

    @Test
    void anAnnouncementThatCannotBeSentIsNoError() {
        redis.server.stop();

        connection.settingsBroadcast().announce();

        assertFalse(connection.isAnswering());
    }

    private static TokenClaims claims() {
        return TokenClaims.issue(UserId.random(), TokenType.SESSION, 0, TokenLifetime.parse("1h").orElseThrow(),
                Instant.now());
    }
}
