package io.gatehouse.domain.credential;

import java.util.Objects;

/** A stored password hash in its encoded form (for bcrypt, {@code $2b$12$...}). Redacted in {@code toString}. */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash is not blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
