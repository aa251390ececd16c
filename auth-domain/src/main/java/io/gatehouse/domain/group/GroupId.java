package io.gatehouse.domain.group;

import java.util.Objects;
import java.util.UUID;

/** Identifies a group for life. */
public record GroupId(String value) {

    public GroupId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a group id has 1 to 64 characters");
        }
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
