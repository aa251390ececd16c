package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The sign-in gate in memory, over the counter and the streaks it is given (the same instances the sign-in limits
 * count failures with). The streak and the address's failures are read inside the atomic step that counts the
 * attempt for account and address (that key's lock in the counter), so concurrent attempts of one account and
 * address are admitted one after another and each sees its own count. A failure recorded at the same moment is seen
 * or not, as if it had come a moment later or earlier: each of the two reads is atomic on its own.
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
        FailureStreak[] streak = new FailureStreak[1];
        long[] failures = new long[1];
        OptionalLong attempts = counter.incrementIf(attempt.attemptsKey(), attempt.attemptsWindow(), now, () -> {
            streak[0] = streaks.current(attempt.streakKey());
            failures[0] = counter.count(attempt.failuresKey(), attempt.failures().window(), now);
            return attempt.passes(streak[0], failures[0]);
        });
        return new Admission(streak[0], failures[0], attempts);
    }
}
