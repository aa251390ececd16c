package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.fake.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessShortLivedValuesTest {

    private final MutableClock clock = MutableClock.startingAt("2026-04-01T10:00:00Z");

    @Test
    void aValueIsGoneOnceItsTimeToLiveHasPassed() {
        InProcessShortLivedValues values = new InProcessShortLivedValues(clock);
        values.put("state", "verifier", Duration.ofMinutes(10));
        values.put("lock", "held", Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertEquals(Optional.of("verifier"), values.get("state"));

        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), values.get("state"));
        assertEquals(Optional.empty(), values.take("state"));
        assertTrue(values.putIfAbsent("lock", "mine now", Duration.ofMinutes(1)), "an expired lock is free");
    }

    @Test
    void expiredValuesAreSweptAway() {
        InProcessShortLivedValues values = new InProcessShortLivedValues(clock, 4);
        for (int i = 0; i < 100; i++) {
            values.put("old-" + i, "v", Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 200; i++) {
            values.put("one-live-key", "v" + i, Duration.ofMinutes(1));
        }

        assertEquals(1, values.size(), "the hundred expired values are gone");
    }
}
