package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.ShortLivedValues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Short-lived values in memory, for a single instance. Each operation is one atomic step per key; an expired value
 * counts as absent at once and is removed by a sweep (see {@link StaleEntrySweeper}), so memory stays bounded by the
 * values live at the last sweep.
 */
public final class InProcessShortLivedValues implements ShortLivedValues {

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final StaleEntrySweeper<Entry> sweeper;
    private final Clock clock;

    public InProcessShortLivedValues(Clock clock) {
        this(clock, StaleEntrySweeper.MINIMUM_INTERVAL);
    }

    /** Values swept after {@code sweepInterval} writes at the least: for tests. */
    InProcessShortLivedValues(Clock clock, int sweepInterval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sweeper = new StaleEntrySweeper<>(entries, Entry::isExpiredAt, sweepInterval);
    }

    @Override
    public void put(String key, String value, Duration timeToLive) {
        Entry entry = entry(value, timeToLive);
        entries.put(key, entry);
        sweeper.operationAt(clock.instant());
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration timeToLive) {
        Entry entry = entry(value, timeToLive);
        Instant now = clock.instant();
        Entry after = entries.compute(key, (k, before) -> before == null || before.isExpiredAt(now) ? entry : before);
        sweeper.operationAt(now);
        return after == entry;
    }

    @Override
    public Optional<String> get(String key) {
        return live(entries.get(key)).map(Entry::value);
    }

    @Override
    public Optional<String> take(String key) {
        AtomicReference<Entry> taken = new AtomicReference<>();
        entries.computeIfPresent(key, (k, entry) -> {
            taken.set(entry);
            return null;
        });
        return live(taken.get()).map(Entry::value);
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    /** How long the value under {@code key} has left: for tests. */
    Optional<Duration> timeToLive(String key) {
        Instant now = clock.instant();
        return live(entries.get(key)).map(entry -> Duration.between(now, entry.expiresAt()));
    }

    /** How many values are held, expired or not: for tests of the memory bound. */
    int size() {
        return entries.size();
    }

    private Optional<Entry> live(Entry entry) {
        return Optional.ofNullable(entry).filter(found -> !found.isExpiredAt(clock.instant()));
    }

    private Entry entry(String value, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a time to live must be positive");
        }
        return new Entry(value, clock.instant().plus(timeToLive));
    }

    private record Entry(String value, Instant expiresAt) {

        boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
