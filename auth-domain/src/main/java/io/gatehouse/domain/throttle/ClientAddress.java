package io.gatehouse.domain.throttle;

import java.util.Objects;

/**
 * The network address a request came from: the socket's peer, or what a configured trusted proxy says. Limits are
 * counted per address so that someone elsewhere cannot lock a user out by failing on purpose.
 */
public record ClientAddress(String value) {

    /** For callers with no network peer (the embedded library used in-process, start-up tasks). */
    public static final ClientAddress LOCAL = new ClientAddress("local");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a client address has 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
