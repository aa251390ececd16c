package io.gatehouse.domain.group;

import java.util.Objects;
import java.util.Optional;

/**
 * A group's name: unique on the instance, compared exactly (case-sensitive), as identity providers send names and as
 * Open WebUI matches them. Never blank, never with leading or trailing spaces, at most 255 characters.
 */
public record GroupName(String value) {

    public static final int MAX_LENGTH = 255;

    public GroupName {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a group name has 1 to " + MAX_LENGTH + " characters, without surrounding blanks");
        }
    }

    /** Trims user input and validates it; empty when nothing acceptable is left. */
    public static Optional<GroupName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        return isValid(trimmed) ? Optional.of(new GroupName(trimmed)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && value.equals(value.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
