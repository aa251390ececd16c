package io.gatehouse.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Costly work (password hashing) is at capacity: every worker is busy and the queue in front of them is full, so the
 * request is refused at once instead of waiting without bound. Answered like any {@link InfrastructureException} (the
 * HTTP adapter says 503) with a hint of when to try again. Expected under a flood of sign-ins, so not worth a log line
 * per refusal.
 */
public class CapacityExceededException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /** @param retryAfter how long the caller should wait before trying again, positive */
    public CapacityExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("the wait before retrying is positive");
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
