package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase.Command;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase.Refusal;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase.Result;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangePasswordServiceTest {

    private static final String NEW_PASSWORD = "battery staple";

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void bobIsSignedIn() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    private Result change(UserId userId, String current, String replacement) {
        return gatehouse.changePassword.changePassword(new Command(userId, PlainPassword.of(current),
                PlainPassword.of(replacement)));
    }

    private SignInWithPasswordUseCase.Result signIn(String email, String password) {
        return gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(email, PlainPassword.of(password),
                ClientAddress.LOCAL));
    }

    private boolean works(Session session) {
        return gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(session.token().value(), "/"))
                instanceof AuthenticateUseCase.Result.Authenticated;
    }

    private Session anotherSessionOfBob() {
        return assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class,
                signIn("bob@example.org", Accounts.PASSWORD)).session();
    }

    @Test
    void aWrongCurrentPasswordIsIncorrectAndChangesNothing() {
        Result result = change(bob.user().id(), "not my password", NEW_PASSWORD);

        assertEquals(new Result.Refused(Refusal.INCORRECT_PASSWORD, Optional.empty()), result);
        assertTrue(works(bob));
        assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, signIn("bob@example.org", Accounts.PASSWORD));
        assertInstanceOf(SignInWithPasswordUseCase.Result.Refused.class, signIn("bob@example.org", NEW_PASSWORD));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.PasswordChanged.class));
    }

    @Test
    void aRejectedNewPasswordChangesNothing() {
        Result.Refused refused = assertInstanceOf(Result.Refused.class,
                change(bob.user().id(), Accounts.PASSWORD, "x".repeat(73)));

        assertEquals(Refusal.PASSWORD_REJECTED, refused.reason());
        assertEquals(PasswordCheck.TOO_LONG, refused.password().orElseThrow().check());
        assertTrue(works(bob));
        assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, signIn("bob@example.org", Accounts.PASSWORD));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.PasswordChanged.class));
    }

    @Test
    void theNewPasswordIsValidatedNotTheCurrentOne() {
        // an account whose password predates the policy (Open WebUI once validated the current password instead)
        Credential weak = Credential.password(gatehouse.hasher.hash(PlainPassword.of("weak")));
        User legacy = assertInstanceOf(InsertOutcome.Inserted.class, gatehouse.users.insert(
                TestUsers.user("legacy@example.org"), weak, FirstUserPolicy.KEEP_ROLE)).user();

        assertInstanceOf(Result.Changed.class, change(legacy.id(), "weak", NEW_PASSWORD));
        Result.Refused refused = assertInstanceOf(Result.Refused.class, change(legacy.id(), NEW_PASSWORD, "short"));

        assertEquals(PasswordCheck.TOO_SHORT, refused.password().orElseThrow().check());
    }

    @Test
    void afterAChangeOnlyTheNewPasswordSignsIn() {
        assertInstanceOf(Result.Changed.class, change(bob.user().id(), Accounts.PASSWORD, NEW_PASSWORD));

        assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, signIn("bob@example.org", NEW_PASSWORD));
        assertEquals(new SignInWithPasswordUseCase.Result.Refused(
                        SignInWithPasswordUseCase.Refusal.INVALID_CREDENTIALS, Optional.empty()),
                signIn("bob@example.org", Accounts.PASSWORD));
    }

    @Test
    void aChangeRevokesEveryPreviousTokenAndTheFreshSessionWorks() {
        Session otherDevice = anotherSessionOfBob();

        Session fresh = assertInstanceOf(Result.Changed.class,
                change(bob.user().id(), Accounts.PASSWORD, NEW_PASSWORD)).freshSession();

        assertFalse(works(bob));
        assertFalse(works(otherDevice));
        assertTrue(works(fresh));
        assertEquals(bob.user().id(), fresh.user().id());
        assertTrue(works(admin), "other users' sessions are untouched");
    }

    @Test
    void aChangeIsPublishedAsMadeByTheUserThemself() {
        change(bob.user().id(), Accounts.PASSWORD, NEW_PASSWORD);

        assertEquals(List.of(new AuthEvent.PasswordChanged(bob.user().id(), bob.user().id())),
                gatehouse.events.ofType(AuthEvent.PasswordChanged.class));
    }

    @Test
    void anAccountWithoutPasswordCannotSetOneThisWay() {
        User sso = Accounts.withoutPassword(gatehouse, "sso@example.org");

        assertEquals(new Result.Refused(Refusal.INCORRECT_PASSWORD, Optional.empty()),
                change(sso.id(), "", NEW_PASSWORD));
    }

    @Test
    void aDeletedAccountIsGone() {
        gatehouse.deleteUser.delete(new DeleteUserUseCase.Command(admin.user().id(), bob.user().id()));

        assertEquals(new Result.Refused(Refusal.ACCOUNT_GONE, Optional.empty()),
                change(bob.user().id(), Accounts.PASSWORD, NEW_PASSWORD));
    }
}
