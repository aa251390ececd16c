package io.gatehouse.adapter.redis;

import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.FailureStreaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts run by their digest, and sent again when Redis has lost them (a flush, a restart, a failover). */
class LuaScriptTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static final Duration WINDOW = Duration.ofMinutes(3);

    private Redis connection;

    @BeforeEach
    void connect() {
        connection = redis.openFresh();
    }

    @Test
    void aScriptIsNamedByTheDigestRedisGivesIt() {
        LuaScript script = new LuaScript("return ARGV[1] .. KEYS[1]");

        assertEquals(redis.reader.scriptLoad("return ARGV[1] .. KEYS[1]", "any"), script.sha1());
    }

    @Test
    void aScriptRedisDoesNotHoldIsSentAndHeldFromThenOn() {
        LuaScript script = new LuaScript("return 'loaded ' .. ARGV[1]");
        redis.reader.scriptFlush();

        assertFalse(redis.reader.scriptExists(script.sha1(), "any"));
        assertEquals("loaded once", script.run(redis.reader, List.of("k"), List.of("once")));
        assertTrue(redis.reader.scriptExists(script.sha1(), "any"));
        assertEquals("loaded twice", script.run(redis.reader, List.of("k"), List.of("twice")));
    }

    @Test
    void countsAndStreaksGoOnInRedisAfterItsScriptsWereFlushed() {
        SimpleAttemptCounter localCounter = new SimpleAttemptCounter();
        SimpleFailureStreaks localStreaks = new SimpleFailureStreaks();
        AttemptCounter counter = connection.attemptCounter(localCounter);
        FailureStreaks streaks = connection.failureStreaks(localStreaks);
        Instant now = Instant.now();
        counter.increment("k", WINDOW, now);
        streaks.recordFailure("s", now, Duration.ofHours(12));

        redis.reader.scriptFlush();

        assertEquals(2, counter.increment("k", WINDOW, now));
        assertEquals(2, counter.count("k", WINDOW, now));
        assertEquals(2, streaks.recordFailure("s", now, Duration.ofHours(12)).failures());
        assertTrue(redis.reader.scriptExists(RedisAttemptCounter.SCRIPT.sha1(), "any"));
        assertTrue(redis.reader.scriptExists(RedisFailureStreaks.RECORD.sha1(), "any"));
        assertTrue(connection.isAnswering(), "a missing script is no outage");
        assertEquals(0, localCounter.count("k", WINDOW, now), "never counted by the instance");
        assertEquals(0, localStreaks.current("s").failures());
    }
}
