package io.gatehouse.adapter.inprocess;

import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * Removes the entries of a map whose data has expired, every so many operations that may add an entry.
 *
 * <p>The interval between sweeps is the size the map had after the previous sweep, and at least a minimum: a sweep
 * costs one pass over the map, so this keeps the cost per operation constant however large the map grows, and the map
 * never holds more than twice the entries that were live at the last sweep, plus the minimum. An entry is judged and
 * removed under its key's lock ({@link ConcurrentMap#computeIfPresent}), so a sweep never loses an update made
 * concurrently.
 *
 * @param <V> the entries' values, immutable
 */
final class StaleEntrySweeper<V> {

    /** The fewest operations between two sweeps, unless a test asks for fewer. */
    static final int MINIMUM_INTERVAL = 1024;

    private final ConcurrentMap<String, V> entries;
    private final BiPredicate<V, Instant> isStale;
    private final int minimumInterval;
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong nextSweepAt;

    /**
     * @param entries         the map to sweep, also written by its owner
     * @param isStale         whether an entry's data has expired at an instant
     * @param minimumInterval the fewest operations between two sweeps, {@link #MINIMUM_INTERVAL} but in tests
     */
    StaleEntrySweeper(ConcurrentMap<String, V> entries, BiPredicate<V, Instant> isStale, int minimumInterval) {
        if (minimumInterval < 1) {
            throw new IllegalArgumentException("the sweep interval is at least one operation");
        }
        this.entries = entries;
        this.isStale = isStale;
        this.minimumInterval = minimumInterval;
        this.nextSweepAt = new AtomicLong(minimumInterval);
    }

    /** Counts an operation made at {@code now}, and sweeps when one is due. */
    void operationAt(Instant now) {
        long done = operations.incrementAndGet();
        long due = nextSweepAt.get();
        // Whoever moves the due mark out of reach sweeps; the others carry on without waiting.
        if (done >= due && nextSweepAt.compareAndSet(due, Long.MAX_VALUE)) {
            for (String key : entries.keySet()) {
                entries.computeIfPresent(key, (k, value) -> isStale.test(value, now) ? null : value);
            }
            nextSweepAt.set(done + Math.max(minimumInterval, entries.size()));
        }
    }
}
