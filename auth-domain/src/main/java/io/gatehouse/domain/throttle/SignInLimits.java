package io.gatehouse.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The three sign-in limits (PRODUCT.md, "Sign-in limits"):
 * <ol>
 *   <li>{@code perAccountAndAddress}: every attempt for one account from one address counts (Open WebUI's 15 per 3
 *       minutes, but keyed by address too, so nobody elsewhere can lock the user out);</li>
 *   <li>per account over all addresses: after {@code accountFailureThreshold} consecutive failures each further
 *       attempt waits a delay that grows by {@code accountWaitIncrement} per failure up to {@code accountMaxWait}
 *       (Keycloak's model), until a success or {@code accountFailureReset} of quiet; never a permanent lockout;</li>
 *   <li>{@code perAddressFailures}: failures from one address over all accounts, against password spraying.</li>
 * </ol>
 */
public record SignInLimits(WindowLimit perAccountAndAddress, long accountFailureThreshold,
                           Duration accountWaitIncrement, Duration accountMaxWait, Duration accountFailureReset,
                           WindowLimit perAddressFailures) {

    public SignInLimits {
        Objects.requireNonNull(perAccountAndAddress, "perAccountAndAddress");
        Objects.requireNonNull(accountWaitIncrement, "accountWaitIncrement");
        Objects.requireNonNull(accountMaxWait, "accountMaxWait");
        Objects.requireNonNull(accountFailureReset, "accountFailureReset");
        Objects.requireNonNull(perAddressFailures, "perAddressFailures");
        if (accountFailureThreshold < 1) {
            throw new IllegalArgumentException("the failure threshold is at least 1");
        }
        if (accountWaitIncrement.isNegative() || accountWaitIncrement.isZero()
                || accountMaxWait.compareTo(accountWaitIncrement) < 0) {
            throw new IllegalArgumentException("the maximum wait is at least one increment");
        }
        if (accountFailureReset.compareTo(accountMaxWait) <= 0) {
            throw new IllegalArgumentException("failures are forgotten only after the longest wait");
        }
    }

    /** Open WebUI's 15 per 3 minutes; NIST's 100 consecutive failures; 100 failures per address per 3 minutes. */
    public static SignInLimits defaults() {
        return new SignInLimits(new WindowLimit(15, Duration.ofMinutes(3)), 100, Duration.ofSeconds(60),
                Duration.ofMinutes(15), Duration.ofHours(12), new WindowLimit(100, Duration.ofMinutes(3)));
    }

    /**
     * How long an account must still wait before its next attempt, or empty when it may try now. Once the streak
     * reaches the threshold, the wait after the n-th failure beyond it is n+1 increments, capped.
     */
    public Optional<Duration> accountWait(FailureStreak streak, Instant now) {
        if (streak.failures() < accountFailureThreshold || streak.lastFailureAt().isEmpty()) {
            return Optional.empty();
        }
        Instant last = streak.lastFailureAt().get();
        if (!now.isBefore(last.plus(accountFailureReset))) {
            return Optional.empty();
        }
        long steps = streak.failures() - accountFailureThreshold + 1;
        Duration wait = steps >= accountMaxWait.dividedBy(accountWaitIncrement)
                ? accountMaxWait : accountWaitIncrement.multipliedBy(steps);
        Instant allowedAt = last.plus(wait);
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /** Whether a streak is old enough to be forgotten rather than extended. */
    public boolean isStale(FailureStreak streak, Instant now) {
        return streak.lastFailureAt().map(last -> !now.isBefore(last.plus(accountFailureReset))).orElse(true);
    }
}
