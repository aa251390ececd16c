package io.gatehouse.domain.credential;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A password as the user typed it. It never shows itself in {@code toString}, and only {@link #reveal()} gives the
 * text out, to the hasher.
 */
public final class PlainPassword {

    private final String value;

    private PlainPassword(String value) {
        this.value = value;
    }

    public static PlainPassword of(String value) {
        return new PlainPassword(Objects.requireNonNull(value, "value"));
    }

    /** The password itself. Only hashing and verification may call this. */
    public String reveal() {
        return value;
    }

    /** Length in UTF-8 bytes: bcrypt reads at most 72 of them. */
    public int utf8Length() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Length in Unicode code points, as people count characters. */
    public int characterCount() {
        return value.codePointCount(0, value.length());
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "PlainPassword[redacted]";
    }
}
