package io.gatehouse.domain.group;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a membership came to be. A sync from an identity provider adds and removes only memberships of its own
 * source, so what an admin assigned by hand is never undone by a login.
 */
public enum MembershipSource {
    ADMIN("admin"),
    OAUTH("oauth"),
    LDAP("ldap"),
    TRUSTED_HEADER("trusted_header"),
    DEFAULT_GROUP("default_group");

    private final String storedName;

    MembershipSource(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    public static Optional<MembershipSource> fromStoredName(String name) {
        return Arrays.stream(values()).filter(source -> source.storedName.equals(name)).findFirst();
    }
}
