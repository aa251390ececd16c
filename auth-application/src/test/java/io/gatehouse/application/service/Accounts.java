package io.gatehouse.application.service;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.time.Duration;
import java.util.Map;

/** Accounts and groups that tests start from, made through the use cases where that is possible. */
public final class Accounts {

    /** The password {@link TestGatehouse#signedUp} gives every account. */
    public static final String PASSWORD = "correct horse";
    public static final String ADMIN_EMAIL = "admin@example.org";

    private Accounts() {
    }

    /** The instance's first account, which sign-up makes admin (and the primary admin). */
    public static Session firstAdmin(TestGatehouse gatehouse) {
        return gatehouse.signedUp(ADMIN_EMAIL);
    }

    /**
     * A later account with that role, signed up one second after the previous one (so that "the first account" is
     * unambiguous) through public sign-up opened for the occasion; the settings in force are restored afterwards.
     */
    public static Session member(TestGatehouse gatehouse, String email, Role role) {
        AuthSettings before = gatehouse.settings.current();
        gatehouse.settings.update(current ->
                AuthSettingsBuilder.from(current).signupEnabled(true).defaultUserRole(role).build());
        gatehouse.clock.advance(Duration.ofSeconds(1));
        try {
            return gatehouse.signedUp(email);
        } finally {
            gatehouse.settings.update(current -> before);
        }
    }

    /** An account made by single sign-on: it has no password. */
    public static User withoutPassword(TestGatehouse gatehouse, String email) {
        InsertOutcome outcome = gatehouse.users.insert(TestUsers.user(email), Credential.none(),
                FirstUserPolicy.KEEP_ROLE);
        if (!(outcome instanceof InsertOutcome.Inserted)) {
            throw new AssertionError("insert refused: " + outcome);
        }
        return ((InsertOutcome.Inserted) outcome).user();
    }

    /** A stored group granting {@code permissions}. */
    public static Group group(TestGatehouse gatehouse, String name, PermissionTree permissions) {
        Group group = Group.create(new GroupName(name), "", permissions, FreeFormData.empty(), ShareSetting.MEMBERS,
                gatehouse.users.findEarliest().map(User::id).orElse(UserId.random()),
                gatehouse.clock.instant());
        if (!gatehouse.groups.insert(group)) {
            throw new AssertionError("group name taken: " + name);
        }
        return group;
    }

    /** A permission tree with only {@code features.api_keys}. */
    public static PermissionTree apiKeysGranted() {
        return PermissionTree.of(Map.of("features", Map.of("api_keys", true)));
    }
}
