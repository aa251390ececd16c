package io.gatehouse.domain.token;

import java.util.Objects;
import java.util.UUID;

/** A token's unique id (the JWT {@code jti}): what sign-out revokes. */
public record TokenId(String value) {

    public TokenId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a token id has 1 to 64 characters");
        }
    }

    public static TokenId random() {
        return new TokenId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
