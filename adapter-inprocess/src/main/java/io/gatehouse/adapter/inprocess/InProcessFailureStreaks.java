package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failures per key in memory; each failure is one atomic step per key.
 *
 * <p>Memory is bounded by time: a streak whose last failure is {@code forgetAfter} old would start again at one, so a
 * sweep (see {@link StaleEntrySweeper}) removes it. So the map never holds more than twice the keys that were live at
 * the last sweep (those that failed within the last {@code forgetAfter}), plus
 * {@value StaleEntrySweeper#MINIMUM_INTERVAL}. Until the sweep comes, {@link #current} still reports such a streak;
 * both answers mean the same to a caller that forgets streaks after the same {@code forgetAfter} (as
 * {@code SignInLimits} does with its reset period). As with the attempt counter, there is no fixed cap, so that
 * flooding the map cannot clear a victim's streak.
 */
public final class InProcessFailureStreaks implements FailureStreaks {

    private final ConcurrentHashMap<String, Entry> streaks = new ConcurrentHashMap<>();
    private final StaleEntrySweeper<Entry> sweeper;

    /** No streaks yet. */
    public InProcessFailureStreaks() {
        this(StaleEntrySweeper.MINIMUM_INTERVAL);
    }

    /** Streaks swept after {@code sweepInterval} recorded failures at the least: for tests. */
    InProcessFailureStreaks(int sweepInterval) {
        this.sweeper = new StaleEntrySweeper<>(streaks, Entry::isStaleAt, sweepInterval);
    }

    @Override
    public FailureStreak current(String key) {
        Entry entry = streaks.get(key);
        return entry == null ? FailureStreak.NONE : entry.streak();
    }

    @Override
    public FailureStreak recordFailure(String key, Instant now, Duration forgetAfter) {
        Entry after = streaks.compute(key, (k, before) -> {
            long failures = before == null || before.isOverAt(now, forgetAfter) ? 1 : before.failures() + 1;
            return new Entry(failures, now, forgetAfter);
        });
        sweeper.operationAt(now);
        return after.streak();
    }

    @Override
    public void clear(String key) {
        streaks.remove(key);
    }

    /** How many keys are held: for tests of the memory bound. */
    int size() {
        return streaks.size();
    }

    /** A streak, with the {@code forgetAfter} given with its last failure. */
    private record Entry(long failures, Instant lastFailureAt, Duration forgetAfter) {

        FailureStreak streak() {
            return new FailureStreak(failures, Optional.of(lastFailureAt));
        }

        /** Whether the streak is over at {@code now} for a caller that forgets streaks after {@code after}. */
        boolean isOverAt(Instant now, Duration after) {
            return !now.isBefore(lastFailureAt.plus(after));
        }

        boolean isStaleAt(Instant now) {
            return isOverAt(now, forgetAfter);
        }
    }
}
