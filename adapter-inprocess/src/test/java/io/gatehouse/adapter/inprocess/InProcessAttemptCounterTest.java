package io.gatehouse.adapter.inprocess;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory bound; the counting itself is {@link InProcessAttemptCounterContractTest}'s. */
class InProcessAttemptCounterTest {

    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final int SWEEP_INTERVAL = 10;

    private final InProcessAttemptCounter counter = new InProcessAttemptCounter(SWEEP_INTERVAL);

    private void incrementDistinctKeys(String prefix, int keys, Instant at) {
        IntStream.range(0, keys).forEach(i -> counter.increment(prefix + i + "@example.org", WINDOW, at));
    }

    @Test
    void keysWhoseBucketsHaveLeftTheWindowAreEvicted() {
        incrementDistinctKeys("random", SWEEP_INTERVAL, T);             // the first sweep finds nothing stale
        assertEquals(SWEEP_INTERVAL, counter.size());

        Instant later = T.plus(WINDOW).plusSeconds(60);                 // bucket 0 has left every window
        incrementDistinctKeys("later", SWEEP_INTERVAL, later);          // the second sweep comes at the 20th increment

        assertEquals(SWEEP_INTERVAL, counter.size());
        assertEquals(1, counter.count("later0@example.org", WINDOW, later));
        assertEquals(0, counter.count("random0@example.org", WINDOW, later));
    }

    @Test
    void keysStillInTheirWindowAreKeptAndKeepTheirCount() {
        counter.increment("victim@example.org", WINDOW, T);
        counter.increment("victim@example.org", WINDOW, T.plusSeconds(60));
        Instant lastMinuteOfBucketOne = T.plus(WINDOW).plusSeconds(60 + 59);  // bucket 4 counts buckets 1 to 4

        incrementDistinctKeys("flood", 3 * SWEEP_INTERVAL, lastMinuteOfBucketOne);

        assertEquals(1, counter.count("victim@example.org", WINDOW, lastMinuteOfBucketOne));
        assertEquals(3 * SWEEP_INTERVAL + 1, counter.size());
    }

    @Test
    void aFloodOfRandomKeysOverTimeStaysBoundedByTheKeysOfTheLastWindow() {
        for (int minute = 0; minute < 60; minute++) {
            incrementDistinctKeys("m" + minute + "-", 50, T.plus(Duration.ofMinutes(minute)));
        }

        // Keys of the last four minutes are live (200); the map may hold twice those at most, plus the interval.
        int size = counter.size();
        assertTrue(size >= 200 && size <= 2 * 200 + SWEEP_INTERVAL, "size " + size);
    }
}
