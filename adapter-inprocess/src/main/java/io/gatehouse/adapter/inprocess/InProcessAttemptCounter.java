package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.AttemptCounter;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open WebUI's sliding window (§5) in memory: per key, a count per one-minute bucket; the count in a window is the
 * current bucket plus the {@code window / 1 minute} buckets before it. An increment and the count it returns are one
 * atomic step per key.
 *
 * <p>Memory is bounded by time, not by a number of keys: a key's buckets are dropped once they fall out of the window
 * of its last increment, and a key whose newest bucket has left that window is removed by a sweep (see
 * {@link StaleEntrySweeper}). So the map never holds more than twice the keys that were live at the last sweep (those
 * incremented within the last window and a minute), plus {@value StaleEntrySweeper#MINIMUM_INTERVAL}. A key is meant
 * to be counted with one window: a longer window than the last increment's may miss buckets already dropped. A fixed
 * cap is deliberately absent: evicting live counters when full would let an attacker reset his own limits by flooding
 * the map with other keys.
 */
public final class InProcessAttemptCounter implements AttemptCounter {

    private static final long BUCKET_SECONDS = 60;

    private final ConcurrentHashMap<String, Buckets> buckets = new ConcurrentHashMap<>();
    private final StaleEntrySweeper<Buckets> sweeper;

    /** An empty counter. */
    public InProcessAttemptCounter() {
        this(StaleEntrySweeper.MINIMUM_INTERVAL);
    }

    /** A counter that sweeps after {@code sweepInterval} increments at the least: for tests. */
    InProcessAttemptCounter(int sweepInterval) {
        this.sweeper = new StaleEntrySweeper<>(buckets, Buckets::isExpiredAt, sweepInterval);
    }

    @Override
    public long increment(String key, Duration window, Instant now) {
        long current = bucketOf(now);
        long oldest = current - bucketsBefore(window);
        Buckets after = buckets.compute(key, (k, before) -> Buckets.orEmpty(before).plusOne(current, oldest));
        sweeper.operationAt(now);
        // "after" is the state our own step produced, so concurrent increments each see a distinct count.
        return after.sum(oldest, current);
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        long current = bucketOf(now);
        Buckets snapshot = buckets.get(key);
        return snapshot == null ? 0 : snapshot.sum(current - bucketsBefore(window), current);
    }

    /** How many keys are held: for tests of the memory bound. */
    int size() {
        return buckets.size();
    }

    private static long bucketOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), BUCKET_SECONDS);
    }

    private static long bucketsBefore(Duration window) {
        return window.toSeconds() / BUCKET_SECONDS;
    }

    /**
     * One key's counts by bucket index, immutable; {@code expiresAt} is when its newest bucket leaves the window of
     * the last increment, after which every count is zero.
     */
    private record Buckets(Map<Long, Long> counts, Instant expiresAt) {

        private static final Buckets EMPTY = new Buckets(Map.of(), Instant.MIN);

        static Buckets orEmpty(Buckets buckets) {
            return buckets == null ? EMPTY : buckets;
        }

        Buckets plusOne(long current, long oldest) {
            Map<Long, Long> kept = new HashMap<>();
            counts.forEach((bucket, count) -> {
                if (bucket >= oldest) {
                    kept.put(bucket, count);
                }
            });
            kept.merge(current, 1L, Long::sum);
            long newest = Collections.max(kept.keySet());
            Instant expiry = Instant.ofEpochSecond((newest + (current - oldest) + 1) * BUCKET_SECONDS);
            return new Buckets(Map.copyOf(kept), expiry);
        }

        long sum(long oldest, long current) {
            return counts.entrySet().stream().filter(bucket -> bucket.getKey() >= oldest && bucket.getKey() <= current)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
