package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Streaks in a synchronized map; enough for service tests. */
public final class SimpleFailureStreaks implements FailureStreaks {

    private final Map<String, FailureStreak> streaks = new HashMap<>();

    @Override
    public synchronized FailureStreak current(String key) {
        return streaks.getOrDefault(key, FailureStreak.NONE);
    }

    @Override
    public synchronized FailureStreak recordFailure(String key, Instant now, Duration forgetAfter) {
        FailureStreak previous = current(key);
        boolean stale = previous.lastFailureAt().map(last -> !now.isBefore(last.plus(forgetAfter))).orElse(true);
        FailureStreak next = new FailureStreak(stale ? 1 : previous.failures() + 1, Optional.of(now));
        streaks.put(key, next);
        return next;
    }

    @Override
    public synchronized void clear(String key) {
        streaks.remove(key);
    }
}
