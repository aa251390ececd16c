package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Instant;
import java.util.OptionalLong;

/** The gate over a {@link SimpleAttemptCounter} and {@link SimpleFailureStreaks}, under the counter's lock. */
public final class SimpleAttemptGate implements AttemptGate {

    private final SimpleAttemptCounter counter;
    private final SimpleFailureStreaks streaks;

    public SimpleAttemptGate(SimpleAttemptCounter counter, SimpleFailureStreaks streaks) {
        this.counter = counter;
        this.streaks = streaks;
    }

    @Override
    public Admission admit(Attempt attempt, Instant now) {
        synchronized (counter) {
            FailureStreak streak = streaks.current(attempt.streakKey());
            long failures = counter.count(attempt.failuresKey(), attempt.failures().window(), now);
            return new Admission(streak, failures, attempt.passes(streak, failures)
                    ? OptionalLong.of(counter.increment(attempt.attemptsKey(), attempt.attemptsWindow(), now))
                    : OptionalLong.empty());
        }
    }
}
