package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The sign-in gate in memory, over the counter and the streaks it is given (the same instances the sign-in limits
 * count failures with): it reads the streak and the address's failures, then counts the attempt if they let it.
 * Each read and the count are atomic on their own, so concurrent attempts each get a count of their own; a failure
 * recorded at the same moment is seen or not, as if it had come a moment earlier or later. In memory nothing is gained
 * by one step: there is no round trip to save.
 */
public final class InProcessAttemptGate implements AttemptGate {

    private final InProcessAttemptCounter counter;
    private final InProcessFailureStreaks streaks;

    /** A gate over {@code counter} and {@code streaks}, which go on counting and recording failures themselves. */
    public InProcessAttemptGate(InProcessAttemptCounter counter, InProcessFailureStreaks streaks) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
    }

    @Override
    public Admission admit(Attempt attempt, Instant now) {
        FailureStreak streak = streaks.current(attempt.streakKey());
        long failures = counter.count(attempt.failuresKey(), attempt.failures().window(), now);
        OptionalLong attempts = attempt.passes(streak, failures)
                ? OptionalLong.of(counter.increment(attempt.attemptsKey(), attempt.attemptsWindow(), now))
                : OptionalLong.empty();
        return new Admission(streak, failures, attempts);
    }
}
