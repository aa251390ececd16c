package io.gatehouse.application.fake;

import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserProfile;

import java.time.Instant;

/** Accounts for tests. */
public final class TestUsers {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestUsers() {
    }

    public static User user(String email) {
        return user(email, Role.USER, T0);
    }

    public static User user(String email, Role role, Instant createdAt) {
        String name = email.substring(0, email.indexOf('@'));
        return User.register(UserId.random(), EmailAddress.of(email), name, role,
                UserProfile.withImage(UserProfile.DEFAULT_IMAGE), createdAt);
    }
}
