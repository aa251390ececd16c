package io.gatehouse.adapter.events;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    private static final UserId ANN = new UserId("ann-id");
    private static final UserId ADMIN = new UserId("admin-id");
    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");

    private final CapturedLogs logs = CapturedLogs.of(AuditLog.LOGGER_NAME);
    private final AuditLog audit = new AuditLog();

    @AfterEach
    void detach() {
        logs.close();
    }

    private String lineOf(AuthEvent event) {
        audit.publish(event);
        List<String> messages = logs.messages();
        assertEquals(1, messages.size(), "one line per event");
        return messages.get(0);
    }

    @Test
    void aFailedSignInIsOneInfoLineOnTheAuditLoggerWithItsPreciseReason() {
        audit.publish(new AuthEvent.SignInFailed("ann@example.org", FROM, AuthEvent.SignInFailure.WRONG_PASSWORD));

        ILoggingEvent logged = logs.events().get(0);
        assertEquals("gatehouse.audit", logged.getLoggerName());
        assertEquals(Level.INFO, logged.getLevel());
        assertEquals("event=sign_in_failed account=ann@example.org from=203.0.113.7 reason=WRONG_PASSWORD",
                logged.getFormattedMessage());
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new AuthEvent.SignedIn(ANN, FROM), "event=signed_in user=ann-id from=203.0.113.7"),
                Arguments.of(new AuthEvent.SignInFailed("nobody@example.org", FROM,
                                AuthEvent.SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS),
                        "event=sign_in_failed account=nobody@example.org from=203.0.113.7"
                                + " reason=THROTTLED_ACCOUNT_AND_ADDRESS"),
                Arguments.of(new AuthEvent.SignedOut(ANN), "event=signed_out user=ann-id"),
                Arguments.of(new AuthEvent.PasswordChanged(ANN, ADMIN),
                        "event=password_changed user=ann-id by=admin-id"),
                Arguments.of(new AuthEvent.RoleChanged(ANN, Role.PENDING, Role.USER, ADMIN),
                        "event=role_changed user=ann-id old_role=pending new_role=user by=admin-id"),
                Arguments.of(new AuthEvent.AccountDeleted(ANN, ADMIN), "event=account_deleted user=ann-id by=admin-id"),
                Arguments.of(new AuthEvent.ApiKeyCreated(ANN), "event=api_key_created user=ann-id"),
                Arguments.of(new AuthEvent.ApiKeyDeleted(ANN), "event=api_key_deleted user=ann-id"),
                Arguments.of(new AuthEvent.SettingsChanged(ADMIN), "event=settings_changed by=admin-id"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventHasItsOwnLine(AuthEvent event, String expected) {
        assertEquals(expected, lineOf(event));
    }

    @Test
    void aNewAccountSaysWhoItIsAndHowItCameToBe() {
        User user = TestUsers.user("ann@example.org");

        assertEquals("event=account_created user=" + user.id() + " email=ann@example.org role=user channel=SIGNUP",
                lineOf(new AuthEvent.AccountCreated(user, AuthEvent.Channel.SIGNUP)));
    }

    @Test
    void aGroupChangeSaysWhatMovedAndWho() {
        assertEquals("event=group_members_added group=g-1 users=\"[user-1]\" by=admin-1",
                lineOf(new AuthEvent.GroupChanged(new GroupId("g-1"), AuthEvent.GroupChange.MEMBERS_ADDED,
                        List.of(new UserId("user-1")), new UserId("admin-1"))));
    }

    @Test
    void aMembershipSyncSaysWhatItJoinedAndLeft() {
        assertEquals("event=memberships_synced user=user-1 source=LDAP joined=\"[g-1]\" left=\"[]\"",
                lineOf(new AuthEvent.MembershipsSynced(new UserId("user-1"), MembershipSource.LDAP,
                        List.of(new GroupId("g-1")), List.of())));
    }

    @Test
    void anEmailTriedAtSignInCannotForgeALineOrAField() {
        String forged = "x@example.org\nevent=signed_in user=admin-id \"quoted\" back\\slash \u202Egnp.exe";

        String line = lineOf(new AuthEvent.SignInFailed(forged, FROM, AuthEvent.SignInFailure.UNKNOWN_ACCOUNT));

        assertEquals("event=sign_in_failed account=\"x@example.org\\u000aevent=signed_in user=admin-id"
                + " \\\"quoted\\\" back\\\\slash \\u202egnp.exe\" from=203.0.113.7 reason=UNKNOWN_ACCOUNT", line);
    }

    @Test
    void anEmptyValueIsShownAsEmptyQuotes() {
        assertTrue(lineOf(new AuthEvent.SignInFailed("", FROM, AuthEvent.SignInFailure.UNKNOWN_ACCOUNT))
                .startsWith("event=sign_in_failed account=\"\" from="));
    }

    @Test
    void aVeryLongValueIsCut() {
        String line = lineOf(new AuthEvent.SignInFailed("a".repeat(10_000) + "@example.org", FROM,
                AuthEvent.SignInFailure.UNKNOWN_ACCOUNT));

        assertTrue(line.contains("account=" + "a".repeat(AuditLog.MAX_VALUE_LENGTH) + "... from="), line);
        assertFalse(line.contains("a".repeat(AuditLog.MAX_VALUE_LENGTH + 1)));
    }
}
