package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignOutUseCase.Command;
import io.gatehouse.application.port.in.session.SignOutUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.throttle.ClientAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SignOutServiceTest {

    private static final Result NO_REDIRECT = new Result(Optional.empty());

    private TestGatehouse gatehouse;
    private Session ann;

    @BeforeEach
    void annIsSignedIn() {
        gatehouse = new TestGatehouse();
        ann = Accounts.firstAdmin(gatehouse);
    }

    private Result signOut(String presented) {
        return gatehouse.signOut.signOut(new Command(Optional.of(presented), Optional.empty()));
    }

    private AuthenticateUseCase.Result authenticate(String credential) {
        return gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(credential, "/api/v1/auths/"));
    }

    private Session signInAgain() {
        return assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class,
                gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(Accounts.ADMIN_EMAIL,
                        PlainPassword.of(Accounts.PASSWORD), ClientAddress.LOCAL))).session();
    }

    @Test
    void signingOutRevokesThePresentedToken() {
        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, authenticate(ann.token().value()));

        assertEquals(NO_REDIRECT, signOut(ann.token().value()));

        assertEquals(new AuthenticateUseCase.Result.Refused(AuthenticateUseCase.Refusal.REVOKED_TOKEN),
                authenticate(ann.token().value()));
        assertEquals(List.of(new AuthEvent.SignedOut(ann.user().id())),
                gatehouse.events.ofType(AuthEvent.SignedOut.class));
    }

    @Test
    void signingOutTwiceRecordsOneSignOut() {
        signOut(ann.token().value());

        assertEquals(NO_REDIRECT, signOut(ann.token().value()));

        assertEquals(List.of(new AuthEvent.SignedOut(ann.user().id())),
                gatehouse.events.ofType(AuthEvent.SignedOut.class));
    }

    @Test
    void theUsersOtherSessionsStillWork() {
        Session otherTab = signInAgain();

        signOut(ann.token().value());

        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, authenticate(otherTab.token().value()));
    }

    @Test
    void theRevocationOutlivesAFreshSignIn() {
        signOut(ann.token().value());
        gatehouse.clock.advance(Duration.ofDays(1));
        signInAgain();

        assertEquals(new AuthenticateUseCase.Result.Refused(AuthenticateUseCase.Refusal.REVOKED_TOKEN),
                authenticate(ann.token().value()));
    }

    @Test
    void signingOutWithoutATokenSucceedsAndChangesNothing() {
        assertEquals(NO_REDIRECT, gatehouse.signOut.signOut(new Command(Optional.empty(), Optional.empty())));

        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, authenticate(ann.token().value()));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.SignedOut.class));
    }

    @Test
    void signingOutWithGarbageSucceedsAndChangesNothing() {
        assertEquals(NO_REDIRECT, signOut("garbage"));
        assertEquals(NO_REDIRECT, signOut(""));

        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, authenticate(ann.token().value()));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.SignedOut.class));
    }

    @Test
    void signingOutWithAnApiKeyLeavesTheKeyWorking() {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysEnabled(true).build());
        String key = assertInstanceOf(CreateApiKeyUseCase.Result.Created.class, gatehouse.createApiKey.create(
                new CreateApiKeyUseCase.Command(gatehouse.principalOf(ann), Optional.empty()))).secret().reveal();

        assertEquals(NO_REDIRECT, signOut(key));

        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, authenticate(key));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.SignedOut.class));
    }

    @Test
    void signingOutWithAnExpiredTokenSucceeds() {
        gatehouse.clock.advance(Duration.ofDays(29));

        assertEquals(NO_REDIRECT, signOut(ann.token().value()));
    }

    @Test
    void theConfiguredRedirectIsReturnedWhateverWasPresented() {
        TestGatehouse redirecting = new TestGatehouse(
                FixedSettingsBuilder.defaults().signoutRedirectUrl("https://sso.example.org/logout").build(),
                TestSettings.authDefaults(), new FakePasswordHasher());
        Session session = redirecting.signedUp("ann@example.org");
        Result expected = new Result(Optional.of("https://sso.example.org/logout"));

        assertEquals(expected, redirecting.signOut.signOut(new Command(Optional.of(session.token().value()), Optional.empty())));
        assertEquals(expected, redirecting.signOut.signOut(new Command(Optional.empty(), Optional.empty())));
        assertEquals(expected, redirecting.signOut.signOut(new Command(Optional.of("garbage"), Optional.empty())));
    }
}
