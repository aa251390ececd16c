package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.admin.AddUserUseCase.Command;
import io.gatehouse.application.port.in.admin.AddUserUseCase.Refusal;
import io.gatehouse.application.port.in.admin.AddUserUseCase.Result;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddUserServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;

    @BeforeEach
    void anAdmin() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
    }

    private Result add(String email, String password, Role role) {
        return gatehouse.addUser.add(new Command(admin.user().id(), "Added", EmailAddress.of(email),
                PlainPassword.of(password), UserProfile.DEFAULT_IMAGE, role));
    }

    private static User added(Result result) {
        return assertInstanceOf(Result.Added.class, result).user();
    }

    @Test
    void theRoleTheAdminChoseIsKeptWhateverTheDefaultRole() {
        assertEquals(Role.PENDING, gatehouse.settings.current().defaultUserRole());

        User user = added(add("user@example.org", "long enough", Role.USER));
        User second = added(add("admin2@example.org", "long enough", Role.ADMIN));
        User pending = added(add("pending@example.org", "long enough", Role.PENDING));

        assertEquals(Role.USER, gatehouse.users.findById(user.id()).orElseThrow().role());
        assertEquals(Role.ADMIN, gatehouse.users.findById(second.id()).orElseThrow().role());
        assertEquals(Role.PENDING, gatehouse.users.findById(pending.id()).orElseThrow().role());
    }

    @Test
    void anAccountAddedToAnEmptyInstanceIsNotPromotedAndLeavesSignupOpen() {
        TestGatehouse empty = new TestGatehouse();

        User user = added(empty.addUser.add(new Command(UserId.random(), "Added", EmailAddress.of("u@example.org"),
                PlainPassword.of("long enough"), UserProfile.DEFAULT_IMAGE, Role.USER)));

        assertEquals(Role.USER, user.role());
        assertEquals(Role.USER, empty.users.findById(user.id()).orElseThrow().role());
        assertTrue(empty.settings.current().signupEnabled());
    }

    @Test
    void theAddedAccountSignsInWithItsPassword() {
        User user = added(add("user@example.org", "long enough", Role.USER));

        SignInWithPasswordUseCase.Result result = gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(
                "user@example.org", PlainPassword.of("long enough"), ClientAddress.LOCAL));

        assertEquals(user.id(),
                assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, result).session().user().id());
    }

    @Test
    void theAddedAccountJoinsTheDefaultGroup() {
        Group everyone = Accounts.group(gatehouse, "everyone", Accounts.apiKeysGranted());
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).defaultGroup(everyone.id()).build());

        User user = added(add("user@example.org", "long enough", Role.USER));

        assertEquals(List.of(new Membership(everyone.id(), user.id(), MembershipSource.DEFAULT_GROUP)),
                gatehouse.groups.membershipsOf(user.id()));
    }

    @Test
    void theCreationIsPublishedOnTheAdminChannelWhichDoesNotDriveTheSignupWebhook() {
        User user = added(add("user@example.org", "long enough", Role.USER));

        List<AuthEvent.AccountCreated> created = gatehouse.events.ofType(AuthEvent.AccountCreated.class);
        AuthEvent.AccountCreated last = created.get(created.size() - 1);
        assertEquals(user.id(), last.user().id());
        assertEquals(AuthEvent.Channel.ADMIN, last.channel());
        assertFalse(last.channel().notifiesSignup());
        assertEquals(1, created.stream().filter(event -> event.channel() == AuthEvent.Channel.SIGNUP).count(),
                "only the first admin's own sign-up");
    }

    @Test
    void aTakenEmailIsRefusedWhateverItsCase() {
        Result result = gatehouse.addUser.add(new Command(admin.user().id(), "Dup",
                EmailAddress.of("Admin@EXAMPLE.org"), PlainPassword.of("long enough"), UserProfile.DEFAULT_IMAGE,
                Role.USER));

        assertEquals(new Result.Refused(Refusal.EMAIL_TAKEN, Optional.empty()), result);
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void aPasswordThePolicyRejectsIsRefusedWithItsReason() {
        Result.Refused tooLong = assertInstanceOf(Result.Refused.class,
                add("u@example.org", "x".repeat(73), Role.USER));
        Result.Refused tooShort = assertInstanceOf(Result.Refused.class,
                add("u@example.org", "short", Role.USER));

        assertEquals(Refusal.PASSWORD_REJECTED, tooLong.reason());
        assertEquals(PasswordCheck.TOO_LONG, tooLong.password().orElseThrow().check());
        assertEquals(PasswordCheck.TOO_SHORT, tooShort.password().orElseThrow().check());
        assertEquals(1, gatehouse.users.count());
    }
}
