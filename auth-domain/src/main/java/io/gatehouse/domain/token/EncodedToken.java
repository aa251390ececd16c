package io.gatehouse.domain.token;

import java.util.Objects;

/** A token as it travels (a signed JWT). It is a bearer secret, so {@code toString} never shows it. */
public record EncodedToken(String value) {

    public EncodedToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "EncodedToken[redacted]";
    }
}
