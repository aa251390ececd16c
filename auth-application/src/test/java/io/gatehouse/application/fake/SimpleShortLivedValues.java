package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.ShortLivedValues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Values in a map that expire by the given clock. */
public final class SimpleShortLivedValues implements ShortLivedValues {

    private final Clock clock;
    private final Map<String, Map.Entry<String, Instant>> values = new HashMap<>();

    public SimpleShortLivedValues(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void put(String key, String value, Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a time to live is positive");
        }
        values.put(key, Map.entry(value, clock.instant().plus(timeToLive)));
    }

    @Override
    public synchronized boolean putIfAbsent(String key, String value, Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a time to live is positive");
        }
        if (get(key).isPresent()) {
            return false;
        }
        put(key, value, timeToLive);
        return true;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        Map.Entry<String, Instant> entry = values.get(key);
        return entry == null || !clock.instant().isBefore(entry.getValue()) ? Optional.empty()
                : Optional.of(entry.getKey());
    }

    @Override
    public synchronized Optional<String> take(String key) {
        Optional<String> value = get(key);
        values.remove(key);
        return value;
    }

    /** What the value under {@code key} has left to live; empty when there is none. */
    synchronized Optional<Duration> timeToLive(String key) {
        return get(key).map(value -> Duration.between(clock.instant(), values.get(key).getValue()));
    }

    @Override
    public synchronized void remove(String key) {
        values.remove(key);
    }
}
