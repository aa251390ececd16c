package io.gatehouse.application.port.out;

import io.gatehouse.domain.throttle.FailureStreak;

import java.time.Duration;
import java.time.Instant;

/** Consecutive failures per key (per account), updated atomically. */
public interface FailureStreaks {

    FailureStreak current(String key);

    /**
     * Adds one failure at {@code now} and returns the new streak. A streak whose last failure is {@code forgetAfter}
     * old or older starts again at one.
     */
    FailureStreak recordFailure(String key, Instant now, Duration forgetAfter);

    /** A success: the streak is over. */
    void clear(String key);
}
