package io.gatehouse.application.port.out;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;

/**
 * What happened, for the audit trail and for notifications. Events carry no secrets: no password, token or key.
 * Refusals keep their precise reason here even when the client is told less.
 */
public sealed interface AuthEvent {

    /** How an account came to exist. */
    enum Channel {
        /** Public sign-up with a password: the sign-up webhook fires. */
        SIGNUP,
        /** The fixed account of single-user mode ({@code WEBUI_AUTH=false}): the webhook fires. */
        NO_AUTH,
        /** Made by an admin: no webhook, as in Open WebUI. */
        ADMIN,
        /** Made at start-up from {@code WEBUI_ADMIN_EMAIL}: no webhook. */
        BOOTSTRAP,
        /** Made by a first LDAP sign-in: the webhook fires. */
        LDAP,
        /** Made by a first sign-in through a trusted proxy's headers: the webhook fires. */
        TRUSTED_HEADER,
        /** Made by a first single sign-on: the webhook fires. */
        OAUTH;

        /** Whether Open WebUI's sign-up webhook fires for accounts made this way. */
        public boolean notifiesSignup() {
            return this != ADMIN && this != BOOTSTRAP;
        }
    }

    /**
     * Why a sign-in with a password (local or LDAP) failed, precisely. The client only ever hears one message for
     * wrong credentials, or "rate limited".
     */
    enum SignInFailure {
        UNKNOWN_ACCOUNT,
        NO_PASSWORD,
        WRONG_PASSWORD,
        BLANK_PASSWORD,
        THROTTLED_ACCOUNT_AND_ADDRESS,
        THROTTLED_ACCOUNT,
        THROTTLED_ADDRESS,
        LDAP_USER_NOT_FOUND,
        LDAP_AMBIGUOUS_USER,
        LDAP_RECORD_MISMATCH,
        LDAP_WRONG_PASSWORD,
        LDAP_NO_EMAIL,
        LDAP_APP_BIND_FAILED,
        LDAP_MISCONFIGURED,
        LDAP_UNREACHABLE,
        OAUTH_LOGIN_FAILED,
        OAUTH_INVALID_IDENTITY,
        OAUTH_SIGNUP_DISABLED,
        OAUTH_EMAIL_TAKEN,
        OAUTH_ROLE_REFUSED
    }

    record AccountCreated(User user, Channel channel) implements AuthEvent {
        public AccountCreated {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(channel, "channel");
        }
    }

    record SignedIn(UserId userId, ClientAddress from) implements AuthEvent {
    }

    /**
     * {@code accountKey} is what was tried, whether or not an account has it: the normalised e-mail, or the LDAP user
     * name as {@code ldap:<name>}.
     */
    record SignInFailed(String accountKey, ClientAddress from, SignInFailure failure) implements AuthEvent {
    }

    record SignedOut(UserId userId) implements AuthEvent {
    }

    record PasswordChanged(UserId userId, UserId by) implements AuthEvent {
    }

    record RoleChanged(UserId userId, Role from, Role to, UserId by) implements AuthEvent {
    }

    record AccountDeleted(UserId userId, UserId by) implements AuthEvent {
    }

    record ApiKeyCreated(UserId userId) implements AuthEvent {
    }

    record ApiKeyDeleted(UserId userId) implements AuthEvent {
    }

    record SettingsChanged(UserId by) implements AuthEvent {
    }

    /** What happened to a group. */
    enum GroupChange {
        CREATED, UPDATED, DELETED, MEMBERS_ADDED, MEMBERS_REMOVED
    }

    /** An admin changed a group; {@code users} are the members added or removed, empty otherwise. */
    record GroupChanged(GroupId groupId, GroupChange change, List<UserId> users, UserId by) implements AuthEvent {
        public GroupChanged {
            users = List.copyOf(users);
        }
    }

    /** A sign-in synced a user's memberships from its identity provider. */
    record MembershipsSynced(UserId userId, MembershipSource source, List<GroupId> joined, List<GroupId> left)
            implements AuthEvent {
        public MembershipsSynced {
            joined = List.copyOf(joined);
            left = List.copyOf(left);
        }
    }
}
