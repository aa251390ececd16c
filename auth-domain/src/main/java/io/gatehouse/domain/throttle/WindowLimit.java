package io.gatehouse.domain.throttle;

import java.time.Duration;
import java.util.Objects;

/** At most {@code limit} events per {@code window} (a sliding window of one-minute buckets, as Open WebUI §5). */
public record WindowLimit(long limit, Duration window) {

    public WindowLimit {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1");
        }
        if (window.toSeconds() < 60) {
            throw new IllegalArgumentException("a window is at least one minute");
        }
    }

    /** Whether a count, including the event just counted, is still within the limit. */
    public boolean admits(long countIncludingThis) {
        return countIncludingThis <= limit;
    }
}
