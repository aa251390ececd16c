package io.gatehouse.adapter.redis;

import io.gatehouse.application.fake.InMemoryTokenRevocations;
import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys as Redis holds them: names, values and times to live, read back with a plain client. */
class RedisKeysTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private RedisSettings settings;
    private Redis connection;

    @BeforeEach
    void connect() {
        settings = redis.freshSettings();
        connection = redis.open(settings);
    }

    private String key(String rest) {
        return settings.keyPrefix() + ":" + rest;
    }

    @Test
    void aRevokedTokenKeyLivesAsLongAsTheTokenCould() {
        Instant now = Instant.now();
        TokenClaims claims = TokenClaims.issue(UserId.random(), TokenType.SESSION, 0,
                TokenLifetime.parse("2h").orElseThrow(), now);
        TokenRevocations revocations = connection.tokenRevocations(new InMemoryTokenRevocations(),
                Clock.fixed(now, ZoneOffset.UTC));

        revocations.revoke(claims);

        String tokenKey = key("auth:token:" + claims.tokenId().value() + ":revoked");
        assertEquals("1", redis.reader.get(tokenKey));
        long ttl = redis.reader.pttl(tokenKey);
        long expected = Duration.between(now, claims.expiresAt().orElseThrow()).toMillis();
        assertTrue(ttl <= expected && ttl > expected - 5_000, () -> ttl + " ms, expected about " + expected);
    }

    @Test
    void aTokenThatNeverExpiresIsRevokedWithoutExpiry() {
        TokenClaims forever = TokenClaims.issue(UserId.random(), TokenType.SESSION, 0,
                TokenLifetime.parse("-1").orElseThrow(), Instant.now());

        connection.tokenRevocations(new InMemoryTokenRevocations(), Clock.systemUTC()).revoke(forever);

        assertEquals(-1, redis.reader.pttl(key("auth:token:" + forever.tokenId().value() + ":revoked")));
    }

    @Test
    void anExpiredTokenLeavesNoKeyButStaysRevokedInTheDurableStore() {
        Instant issued = Instant.parse("2026-01-01T00:00:00Z");
        TokenClaims expired = TokenClaims.issue(UserId.random(), TokenType.SESSION, 0,
                TokenLifetime.parse("1h").orElseThrow(), issued);
        InMemoryTokenRevocations durable = new InMemoryTokenRevocations();

        connection.tokenRevocations(durable, Clock.fixed(issued.plus(Duration.ofHours(2)), ZoneOffset.UTC))
                .revoke(expired);

        assertFalse(redis.reader.exists(key("auth:token:" + expired.tokenId().value() + ":revoked")));
        assertTrue(durable.isRevoked(expired.tokenId()));
    }

    @Test
    void aRevocationLostFromRedisIsStillFoundInTheDurableStore() {
        TokenClaims claims = TokenClaims.issue(UserId.random(), TokenType.SESSION, 0,
                TokenLifetime.parse("1h").orElseThrow(), Instant.now());
        TokenRevocations revocations = connection.tokenRevocations(new InMemoryTokenRevocations(), Clock.systemUTC());
        revocations.revoke(claims);

        redis.reader.del(key("auth:token:" + claims.tokenId().value() + ":revoked"));     // a flush, a failover

        assertTrue(revocations.isRevoked(claims.tokenId()));
    }

    @Test
    void signInCountsLiveInOneHashThatExpiresAWindowAndABucketAfterTheLastAttempt() {
        AttemptCounter counter = connection.attemptCounter(new SimpleAttemptCounter());

        counter.increment("signin:account:ann@example.org", Duration.ofMinutes(3), Instant.now());

        String hash = key("ratelimit:signin:account:ann@example.org");
        assertEquals(1, redis.reader.hgetAll(hash).size());
        long ttl = redis.reader.ttl(hash);
        assertTrue(ttl <= 240 && ttl > 230, () -> ttl + " s");
    }

    @Test
    void bucketsThatLeftTheWindowAreDropped() {
        AttemptCounter counter = connection.attemptCounter(new SimpleAttemptCounter());
        Instant start = Instant.parse("2026-04-01T10:00:00Z");

        counter.increment("k", Duration.ofMinutes(3), start);
        counter.increment("k", Duration.ofMinutes(3), start.plus(Duration.ofMinutes(10)));

        assertEquals(1, redis.reader.hgetAll(key("ratelimit:k")).size());
    }

    @Test
    void fiftyParallelFailuresCountFiftyOnTwoInstances() throws Exception {
        AttemptCounter a = connection.attemptCounter(new SimpleAttemptCounter());
        AttemptCounter b = redis.open(settings).attemptCounter(new SimpleAttemptCounter());
        Instant now = Instant.now();

        AtomicInteger turn = new AtomicInteger();

        List<Long> counts = runTogether(50, () -> (turn.incrementAndGet() % 2 == 0 ? a : b)
                .increment("signin:account-address:ann@example.org|10.0.0.1", Duration.ofMinutes(3), now));

        assertEquals(50, counts.stream().distinct().count(), "every attempt saw its own count");
        assertEquals(50, a.count("signin:account-address:ann@example.org|10.0.0.1", Duration.ofMinutes(3), now));
    }

    @Test
    void aFailureStreakExpiresWhenItWouldBeForgotten() {
        connection.failureStreaks(new SimpleFailureStreaks())
                .recordFailure("signin:account:ann@example.org", Instant.now(), Duration.ofMinutes(15));

        long ttl = redis.reader.pttl(key("auth:failures:signin:account:ann@example.org"));
        assertTrue(ttl <= Duration.ofMinutes(15).toMillis() && ttl > Duration.ofMinutes(14).toMillis(), () -> ttl + " ms");
    }
}
