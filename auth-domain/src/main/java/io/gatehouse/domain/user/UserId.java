package io.gatehouse.domain.user;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a user for life. New ids are random UUIDs, as Open WebUI's are, so that imported accounts keep theirs.
 */
public record UserId(String value) {

    private static final int MAX_LENGTH = 64;

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a user id has 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
