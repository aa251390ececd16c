package io.gatehouse.application.port.out;

import io.gatehouse.domain.throttle.FailureStreak;
import io.gatehouse.domain.throttle.WindowLimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The admission of a sign-in attempt as one step over the data of {@link FailureStreaks} and {@link AttemptCounter}
 * (same keys, same buckets): it reads the account's failure streak and the address's failures and, only when the
 * streak is below a threshold and the failures are below their limit, counts the attempt for the account and address.
 * So a shared store answers an attempt in one round trip (where it can run the step as one script, no failure recorded
 * meanwhile falls between the reads and the count). What the streak means (how long an account waits) is not the
 * gate's business: past the threshold it counts nothing, and the caller decides.
 */
public interface AttemptGate {

    /** Reads the streak and the failures, and counts the attempt only if {@link Attempt} lets it through. */
    Admission admit(Attempt attempt, Instant now);

    /**
     * What to read and what to count.
     *
     * @param streakKey       the account's streak, as {@link FailureStreaks} names it
     * @param streakThreshold the attempt is counted only while the streak has fewer failures than this
     * @param failuresKey     the address's failures, as {@link AttemptCounter} names them
     * @param failures        their window, and the limit they must stay below for the attempt to be counted
     * @param attemptsKey     where the attempt is counted, as {@link AttemptCounter} names it
     * @param attemptsWindow  the window of that count
     */
    record Attempt(String streakKey, long streakThreshold, String failuresKey, WindowLimit failures,
                   String attemptsKey, Duration attemptsWindow) {

        public Attempt {
            Objects.requireNonNull(streakKey, "streakKey");
            Objects.requireNonNull(failuresKey, "failuresKey");
            Objects.requireNonNull(failures, "failures");
            Objects.requireNonNull(attemptsKey, "attemptsKey");
            Objects.requireNonNull(attemptsWindow, "attemptsWindow");
        }

        /** Whether what was read lets the attempt be counted. */
        public boolean passes(FailureStreak streak, long failuresInWindow) {
            return streak.failures() < streakThreshold && failuresInWindow < failures.limit();
        }
    }

    /**
     * What the gate saw and did.
     *
     * @param streak   the account's streak, as {@link FailureStreaks#current} would have answered
     * @param failures the address's failures in their window, as {@link AttemptCounter#count} would have answered
     * @param attempts the count for account and address including this attempt, as {@link AttemptCounter#increment}
     *                 answers; empty when the attempt was not counted
     */
    record Admission(FailureStreak streak, long failures, OptionalLong attempts) {

        public Admission {
            Objects.requireNonNull(streak, "streak");
            Objects.requireNonNull(attempts, "attempts");
        }
    }
}
