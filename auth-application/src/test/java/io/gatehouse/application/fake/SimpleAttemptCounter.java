package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.AttemptCounter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One-minute buckets per key, synchronized; enough for service tests. */
public final class SimpleAttemptCounter implements AttemptCounter {

    private final Map<String, Map<Long, Long>> buckets = new HashMap<>();

    @Override
    public synchronized long increment(String key, Duration window, Instant now) {
        buckets.computeIfAbsent(key, k -> new HashMap<>()).merge(bucketOf(now), 1L, Long::sum);
        return count(key, window, now);
    }

    @Override
    public synchronized long count(String key, Duration window, Instant now) {
        long current = bucketOf(now);
        long oldest = current - window.toMinutes();
        return buckets.getOrDefault(key, Map.of()).entrySet().stream()
                .filter(bucket -> bucket.getKey() >= oldest && bucket.getKey() <= current)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long bucketOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }
}
