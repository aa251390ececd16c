package io.gatehouse.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts events per key in a sliding window made of one-minute buckets: the count is the sum of the current bucket
 * and the {@code window / 1 minute} buckets before it (Open WebUI §5). Counting is atomic: many threads or
 * instances incrementing one key never lose a count.
 */
public interface AttemptCounter {

    /** Adds one event and returns the count in the window, this one included. */
    long increment(String key, Duration window, Instant now);

    /** The count in the window, without adding. */
    long count(String key, Duration window, Instant now);
}
