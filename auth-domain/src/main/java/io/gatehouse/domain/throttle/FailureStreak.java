package io.gatehouse.domain.throttle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Consecutive failed sign-ins for one account, over all addresses, and when the last one happened. */
public record FailureStreak(long failures, Optional<Instant> lastFailureAt) {

    public static final FailureStreak NONE = new FailureStreak(0, Optional.empty());

    public FailureStreak {
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }
}
