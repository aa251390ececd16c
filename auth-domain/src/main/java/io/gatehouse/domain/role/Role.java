package io.gatehouse.domain.role;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do. {@code pending} users are signed in but wait for an admin's approval; {@code user}s are
 * verified; {@code admin}s administer the instance and bypass permission checks.
 */
public enum Role {
    PENDING("pending"),
    USER("user"),
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in Open WebUI's API, configuration and database. */
    public String wireName() {
        return wireName;
    }

    /** The role of that name, matched exactly (Open WebUI's names are lower case). */
    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
    }

    /** Verified users are those an admin has let in: {@code user} and {@code admin}. */
    public boolean isVerified() {
        return this != PENDING;
    }
}
