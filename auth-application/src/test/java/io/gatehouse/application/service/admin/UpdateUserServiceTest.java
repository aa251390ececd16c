package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase.Command;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase.Refusal;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase.Result;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.credential.PlainPassword;
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

class UpdateUserServiceTest {

    private TestGatehouse gatehouse;
    private Session primary;
    private Session secondAdmin;
    private Session bob;

    @BeforeEach
    void twoAdminsAndAUser() {
        gatehouse = new TestGatehouse();
        primary = Accounts.firstAdmin(gatehouse);
        secondAdmin = Accounts.member(gatehouse, "root2@example.org", Role.ADMIN);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    private static Command nothingFor(UserId actor, UserId target) {
        return new Command(actor, target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Command role(UserId actor, UserId target, Role role) {
        return new Command(actor, target, Optional.of(role), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Command name(UserId actor, UserId target, String name) {
        return new Command(actor, target, Optional.empty(), Optional.of(name), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Command password(UserId actor, UserId target, String password) {
        return new Command(actor, target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(PlainPassword.of(password)));
    }

    private Result update(Command command) {
        return gatehouse.updateUser.update(command);
    }

    private User stored(Session session) {
        return gatehouse.users.findById(session.user().id()).orElseThrow();
    }

    private boolean works(Session session) {
        return gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(session.token().value(), "/"))
                instanceof AuthenticateUseCase.Result.Authenticated;
    }

    private boolean signsIn(String email, String password) {
        return gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(email, PlainPassword.of(password),
                ClientAddress.LOCAL)) instanceof SignInWithPasswordUseCase.Result.SignedIn;
    }

    private static void assertRefused(Refusal reason, Result result) {
        assertEquals(new Result.Refused(reason, Optional.empty()), result);
    }

    // --- the primary admin -------------------------------------------------------------------------------------

    @Test
    void anotherAdminCannotChangeThePrimaryAdmin() {
        assertRefused(Refusal.PRIMARY_ADMIN_PROTECTED,
                update(role(secondAdmin.user().id(), primary.user().id(), Role.PENDING)));
        assertRefused(Refusal.PRIMARY_ADMIN_PROTECTED,
                update(password(secondAdmin.user().id(), primary.user().id(), "taken over!")));

        assertEquals(Role.ADMIN, stored(primary).role());
        assertTrue(works(primary));
        assertTrue(signsIn(Accounts.ADMIN_EMAIL, Accounts.PASSWORD));
    }

    @Test
    void thePrimaryAdminMayChangeThemself() {
        Result result = update(name(primary.user().id(), primary.user().id(), "The Boss"));

        assertEquals("The Boss", assertInstanceOf(Result.Updated.class, result).user().name());
        assertEquals("The Boss", stored(primary).name());
    }

    // --- role ------------------------------------------------------------------------------------------------------

    @Test
    void aRoleChangeAppliesAndRevokesTheTargetsTokens() {
        Result result = update(role(primary.user().id(), bob.user().id(), Role.ADMIN));

        assertEquals(Role.ADMIN, assertInstanceOf(Result.Updated.class, result).user().role());
        assertEquals(Role.ADMIN, stored(bob).role());
        assertFalse(works(bob));
        assertTrue(works(primary));
        assertEquals(List.of(new AuthEvent.RoleChanged(bob.user().id(), Role.USER, Role.ADMIN, primary.user().id())),
                gatehouse.events.ofType(AuthEvent.RoleChanged.class));
    }

    @Test
    void givingTheRoleTheUserAlreadyHasRevokesNothing() {
        update(role(primary.user().id(), bob.user().id(), Role.USER));

        assertTrue(works(bob));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.RoleChanged.class));
    }

    // --- password --------------------------------------------------------------------------------------------------

    @Test
    void aNewPasswordReplacesTheOldOneAndRevokesTheTargetsTokens() {
        Result result = update(password(primary.user().id(), bob.user().id(), "reset by admin"));

        assertInstanceOf(Result.Updated.class, result);

        assertTrue(signsIn("bob@example.org", "reset by admin"));
        assertFalse(signsIn("bob@example.org", Accounts.PASSWORD));
        assertFalse(works(bob));
        assertEquals(List.of(new AuthEvent.PasswordChanged(bob.user().id(), primary.user().id())),
                gatehouse.events.ofType(AuthEvent.PasswordChanged.class));
    }

    @Test
    void aPasswordThePolicyRejectsChangesNothing() {
        Command command = new Command(primary.user().id(), bob.user().id(), Optional.of(Role.ADMIN),
                Optional.of("Robert"), Optional.empty(), Optional.empty(), Optional.of(PlainPassword.of("short")));

        Result.Refused refused = assertInstanceOf(Result.Refused.class, update(command));

        assertEquals(Refusal.PASSWORD_REJECTED, refused.reason());
        assertEquals(PasswordCheck.TOO_SHORT, refused.password().orElseThrow().check());
        assertEquals(Role.USER, stored(bob).role());
        assertEquals("bob", stored(bob).name());
        assertTrue(works(bob));
        assertTrue(signsIn("bob@example.org", Accounts.PASSWORD));
    }

    // --- e-mail ----------------------------------------------------------------------------------------------------

    @Test
    void aNewEmailIsWhatTheAccountSignsInWith() {
        Command command = new Command(primary.user().id(), bob.user().id(), Optional.empty(), Optional.empty(),
                Optional.of(EmailAddress.of("robert@example.org")), Optional.empty(), Optional.empty());

        assertInstanceOf(Result.Updated.class, update(command));

        assertTrue(signsIn("robert@example.org", Accounts.PASSWORD));
        assertFalse(signsIn("bob@example.org", Accounts.PASSWORD));
    }

    @Test
    void anEmailOfAnotherAccountIsTakenAndNothingChanges() {
        Command command = new Command(primary.user().id(), bob.user().id(), Optional.empty(), Optional.of("Robert"),
                Optional.of(EmailAddress.of("ROOT2@example.org")), Optional.empty(), Optional.empty());

        assertRefused(Refusal.EMAIL_TAKEN, update(command));

        assertEquals("bob", stored(bob).name());
        assertEquals(EmailAddress.of("bob@example.org"), stored(bob).email());
    }

    // --- only what is given ----------------------------------------------------------------------------------------

    @Test
    void onlyTheFieldsGivenChange() {
        gatehouse.updateProfile.updateProfile(new UpdateProfileUseCase.Command(bob.user().id(), "bob",
                new UserProfile("/old.png", Optional.of("Plays the oboe"), Optional.empty(), Optional.empty())));

        Command command = new Command(primary.user().id(), bob.user().id(), Optional.empty(), Optional.of("Robert"),
                Optional.empty(), Optional.of("/new.png"), Optional.empty());
        assertInstanceOf(Result.Updated.class, update(command));

        User after = stored(bob);
        assertEquals("Robert", after.name());
        assertEquals("/new.png", after.profile().profileImageUrl());
        assertEquals(Optional.of("Plays the oboe"), after.profile().bio());
        assertEquals(EmailAddress.of("bob@example.org"), after.email());
        assertEquals(Role.USER, after.role());
        assertTrue(works(bob), "neither the role nor the password changed");
        assertTrue(signsIn("bob@example.org", Accounts.PASSWORD));
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        assertInstanceOf(Result.Updated.class, update(nothingFor(primary.user().id(), bob.user().id())));

        assertEquals("bob", stored(bob).name());
        assertTrue(works(bob));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertRefused(Refusal.NOT_FOUND, update(name(primary.user().id(), UserId.random(), "Ghost")));
    }
}
