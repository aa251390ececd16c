package io.gatehouse.adapter.inprocess;

import io.gatehouse.domain.throttle.FailureStreak;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory bound; the streaks themselves are {@link InProcessFailureStreaksContractTest}'s. */
class InProcessFailureStreaksTest {

    private static final Duration FORGET = Duration.ofHours(12);
    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final int SWEEP_INTERVAL = 10;

    private final InProcessFailureStreaks streaks = new InProcessFailureStreaks(SWEEP_INTERVAL);

    private void failDistinctKeys(String prefix, int keys, Instant at) {
        IntStream.range(0, keys).forEach(i -> streaks.recordFailure(prefix + i + "@example.org", at, FORGET));
    }

    @Test
    void streaksOldEnoughToBeForgottenAreEvicted() {
        failDistinctKeys("random", SWEEP_INTERVAL, T);
        assertEquals(SWEEP_INTERVAL, streaks.size());

        Instant later = T.plus(FORGET);
        failDistinctKeys("later", SWEEP_INTERVAL, later);

        assertEquals(SWEEP_INTERVAL, streaks.size());
        assertEquals(FailureStreak.NONE, streaks.current("random0@example.org"));
        assertEquals(1, streaks.current("later0@example.org").failures());
    }

    @Test
    void streaksNotYetForgottenSurviveASweep() {
        streaks.recordFailure("victim@example.org", T, FORGET);
        streaks.recordFailure("victim@example.org", T, FORGET);
        Instant almost = T.plus(FORGET).minusSeconds(1);

        failDistinctKeys("flood", 3 * SWEEP_INTERVAL, almost);

        assertEquals(2, streaks.current("victim@example.org").failures());
        assertEquals(3 * SWEEP_INTERVAL + 1, streaks.size());
    }

    @Test
    void clearingRemovesTheKey() {
        streaks.recordFailure("a@example.org", T, FORGET);

        streaks.clear("a@example.org");

        assertEquals(0, streaks.size());
    }
}
