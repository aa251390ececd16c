package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase.Command;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase.Refusal;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.application.service.InterleavingUserRepository;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SignInWithPasswordServiceTest {

    private static final String ANN = "ann@example.org";
    private static final ClientAddress HOME = new ClientAddress("203.0.113.7");
    private static final ClientAddress ELSEWHERE = new ClientAddress("198.51.100.9");
    private static final Result INVALID_CREDENTIALS = new Result.Refused(Refusal.INVALID_CREDENTIALS, Optional.empty());

    private FakePasswordHasher hasher;
    private TestGatehouse gatehouse;
    private User ann;

    @BeforeEach
    void annHasAnAccount() {
        hasher = spy(new FakePasswordHasher());
        gatehouse = new TestGatehouse(TestSettings.fixedDefaults(), TestSettings.authDefaults(), hasher);
        ann = gatehouse.signedUp(ANN).user();
        clearInvocations(hasher);
    }

    private Result signIn(String email, String password, ClientAddress from) {
        return gatehouse.signIn.signIn(new Command(email, PlainPassword.of(password), from));
    }

    private static ClientAddress address(int n) {
        return new ClientAddress("10.0." + (n / 250) + "." + (n % 250 + 1));
    }

    private static Duration rateLimited(Result result) {
        Result.Refused refused = assertInstanceOf(Result.Refused.class, result);
        assertEquals(Refusal.RATE_LIMITED, refused.reason());
        Duration retryAfter = refused.retryAfter().orElseThrow();
        assertTrue(retryAfter.compareTo(Duration.ZERO) > 0, "retry after " + retryAfter);
        return retryAfter;
    }

    private void verifiedPasswords(int times) {
        verify(hasher, times(times)).verify(any(), any());
    }

    private AuthEvent.SignInFailed lastFailure() {
        List<AuthEvent.SignInFailed> failures = gatehouse.events.ofType(AuthEvent.SignInFailed.class);
        return failures.get(failures.size() - 1);
    }

    /** {@code failures} wrong passwords for {@code email}, from ten addresses so that no per-address limit applies. */
    private void failFromManyAddresses(String email, int failures, int firstAddress) {
        for (int i = 0; i < failures; i++) {
            assertEquals(INVALID_CREDENTIALS, signIn(email, "wrong", address(firstAddress + i % 10)));
        }
    }

    // --- one answer for every bad credential ---------------------------------------------------------------------

    @Test
    void theRightPasswordGivesASessionWhoseTokenAuthenticates() {
        Session session = assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, HOME)).session();

        assertEquals(ann.id(), session.user().id());
        AuthenticateUseCase.Result.Authenticated authenticated = assertInstanceOf(
                AuthenticateUseCase.Result.Authenticated.class,
                gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(session.token().value(), "/")));
        assertEquals(ann.id(), authenticated.principal().user().id());
        verifiedPasswords(1);
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsAfterExactlyOneVerification() {
        assertEquals(INVALID_CREDENTIALS, signIn(ANN, "not my password", HOME));

        verifiedPasswords(1);
    }

    @Test
    void unknownEmailAnswersLikeAWrongPasswordAndCostsOneVerification() {
        Result unknown = signIn("nobody@example.org", "whatever password", HOME);

        assertEquals(INVALID_CREDENTIALS, unknown);
        verify(hasher, times(1)).verify(any(), same(Credential.none()));
        verifiedPasswords(1);
    }

    @Test
    void somethingThatIsNotAnEmailAnswersLikeAWrongPassword() {
        assertEquals(INVALID_CREDENTIALS, signIn("not an address", "whatever password", HOME));

        verifiedPasswords(1);
    }

    @Test
    void anAccountWithoutPasswordAnswersLikeAWrongPassword() {
        Accounts.withoutPassword(gatehouse, "sso@example.org");

        assertEquals(INVALID_CREDENTIALS, signIn("sso@example.org", "", HOME));
        assertEquals(INVALID_CREDENTIALS, signIn("sso@example.org", "any guess", HOME));

        verifiedPasswords(2);
    }

    @Test
    void theEmailIsMatchedCaseInsensitivelyAndTrimmed() {
        Result result = signIn("  Ann@EXAMPLE.org \t", Accounts.PASSWORD, HOME);

        assertEquals(ann.id(), assertInstanceOf(Result.SignedIn.class, result).session().user().id());
    }

    @Test
    void passwordAuthenticationOffRefusesEvenTheRightPasswordWithoutVerifying() {
        TestGatehouse closed = new TestGatehouse(FixedSettingsBuilder.defaults().passwordAuthEnabled(false).build(),
                TestSettings.authDefaults(), hasher);
        Accounts.withoutPassword(closed, ANN);

        Result result = closed.signIn.signIn(new Command(ANN, PlainPassword.of(Accounts.PASSWORD), HOME));

        assertEquals(new Result.Refused(Refusal.PASSWORD_AUTH_DISABLED, Optional.empty()), result);
        verifiedPasswords(0);
    }

    // --- per account and address ---------------------------------------------------------------------------------

    @Test
    void fifteenAttemptsPassAndTheSixteenthIsRateLimitedBeforeTheHasher() {
        for (int attempt = 1; attempt <= 15; attempt++) {
            assertEquals(INVALID_CREDENTIALS, signIn(ANN, "guess " + attempt, HOME), "attempt " + attempt);
        }

        rateLimited(signIn(ANN, Accounts.PASSWORD, HOME));

        verifiedPasswords(15);
        assertEquals(new AuthEvent.SignInFailed(ANN, HOME, SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS), lastFailure());
    }

    @Test
    void failuresFromOneAddressDoNotLockTheAccountOutElsewhere() {
        for (int attempt = 1; attempt <= 16; attempt++) {
            signIn(ANN, "guess " + attempt, ELSEWHERE);
        }
        rateLimited(signIn(ANN, Accounts.PASSWORD, ELSEWHERE));

        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, HOME));
    }

    @Test
    void differentSpellingsOfOneEmailShareTheLimit() {
        String[] spellings = {ANN, "ANN@example.org", " ann@Example.Org", "Ann@EXAMPLE.ORG "};
        for (int attempt = 0; attempt < 15; attempt++) {
            signIn(spellings[attempt % spellings.length], "guess", HOME);
        }

        rateLimited(signIn("aNn@eXaMpLe.oRg", Accounts.PASSWORD, HOME));
    }

    @Test
    void theAccountAndAddressLimitLiftsOnceTheWindowHasPassed() {
        for (int attempt = 1; attempt <= 16; attempt++) {
            signIn(ANN, "guess " + attempt, HOME);
        }
        Duration retryAfter = rateLimited(signIn(ANN, Accounts.PASSWORD, HOME));
        assertTrue(retryAfter.compareTo(Duration.ofMinutes(4)) <= 0, "retry after " + retryAfter);

        gatehouse.clock.advance(Duration.ofMinutes(4));

        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, HOME));
    }

    @Test
    void fiftyConcurrentWrongPasswordsLetAtMostFifteenReachTheHasher() throws Exception {
        List<Result> results = runTogether(50, () -> signIn(ANN, "concurrent guess", HOME));

        long refusedAsInvalid = results.stream().filter(INVALID_CREDENTIALS::equals).count();
        results.stream().filter(result -> !INVALID_CREDENTIALS.equals(result))
                .forEach(SignInWithPasswordServiceTest::rateLimited);
        assertTrue(refusedAsInvalid <= 15, refusedAsInvalid + " attempts reached the hasher");
        verify(hasher, atMost(15)).verify(any(), any());
        assertEquals(15, refusedAsInvalid, "the limit admits fifteen attempts, not fewer");
    }

    // --- per account over all addresses ---------------------------------------------------------------------------

    @Test
    void aHundredConsecutiveFailuresMakeTheAccountWaitAMinute() {
        failFromManyAddresses(ANN, 100, 0);
        clearInvocations(hasher);

        Duration retryAfter = rateLimited(signIn(ANN, Accounts.PASSWORD, address(500)));

        assertEquals(Duration.ofMinutes(1), retryAfter);
        verifiedPasswords(0);
        assertEquals(new AuthEvent.SignInFailed(ANN, address(500), SignInFailure.THROTTLED_ACCOUNT), lastFailure());
    }

    @Test
    void theAccountWaitGrowsWithEachFurtherFailureAndEndsWhenTheClockMoves() {
        failFromManyAddresses(ANN, 100, 0);
        Duration firstWait = rateLimited(signIn(ANN, "wrong", address(500)));

        gatehouse.clock.advance(firstWait);
        assertEquals(INVALID_CREDENTIALS, signIn(ANN, "wrong", address(501)));
        Duration secondWait = rateLimited(signIn(ANN, Accounts.PASSWORD, address(502)));
        gatehouse.clock.advance(secondWait.minusSeconds(1));
        rateLimited(signIn(ANN, Accounts.PASSWORD, address(503)));
        gatehouse.clock.advance(Duration.ofSeconds(1));

        assertTrue(secondWait.compareTo(firstWait) > 0, firstWait + " then " + secondWait);
        assertEquals(Duration.ofMinutes(2), secondWait);
        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, address(504)));
    }

    @Test
    void theAccountWaitNeverExceedsFifteenMinutes() {
        failFromManyAddresses(ANN, 100, 0);
        Duration longest = Duration.ZERO;
        for (int round = 0; round < 20; round++) {
            Duration wait = rateLimited(signIn(ANN, "wrong", address(600 + round)));
            longest = wait.compareTo(longest) > 0 ? wait : longest;
            gatehouse.clock.advance(wait);
            assertEquals(INVALID_CREDENTIALS, signIn(ANN, "wrong", address(700 + round)));
        }

        assertEquals(Duration.ofMinutes(15), longest);
    }

    @Test
    void aSuccessEndsTheFailureStreak() {
        failFromManyAddresses(ANN, 99, 0);
        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, address(500)));

        failFromManyAddresses(ANN, 2, 20);

        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, address(501)));
    }

    @Test
    void theAccountWaitDoesNotSlowOtherAccounts() {
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        failFromManyAddresses(ANN, 100, 0);
        rateLimited(signIn(ANN, Accounts.PASSWORD, address(500)));

        Result result = signIn("bob@example.org", Accounts.PASSWORD, address(501));

        assertEquals(bob.user().id(), assertInstanceOf(Result.SignedIn.class, result).session().user().id());
    }

    // --- per address over all accounts ---------------------------------------------------------------------------

    @Test
    void aHundredFailuresFromOneAddressLimitItForEveryAccount() {
        for (int account = 0; account < 100; account++) {
            assertEquals(INVALID_CREDENTIALS, signIn("sprayed" + account + "@example.org", "Summer2026!", HOME));
        }
        clearInvocations(hasher);

        rateLimited(signIn(ANN, Accounts.PASSWORD, HOME));

        verifiedPasswords(0);
        assertEquals(new AuthEvent.SignInFailed(ANN, HOME, SignInFailure.THROTTLED_ADDRESS), lastFailure());
        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, ELSEWHERE));
    }

    @Test
    void ninetyNineFailuresFromOneAddressStillLetItTry() {
        for (int account = 0; account < 99; account++) {
            signIn("sprayed" + account + "@example.org", "Summer2026!", HOME);
        }

        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, HOME));
    }

    @Test
    void theAddressLimitLiftsOnceTheWindowHasPassed() {
        for (int account = 0; account < 100; account++) {
            signIn("sprayed" + account + "@example.org", "Summer2026!", HOME);
        }
        rateLimited(signIn(ANN, Accounts.PASSWORD, HOME));

        gatehouse.clock.advance(Duration.ofMinutes(4));

        assertInstanceOf(Result.SignedIn.class, signIn(ANN, Accounts.PASSWORD, HOME));
    }

    // --- events --------------------------------------------------------------------------------------------------

    @Test
    void aSuccessIsPublishedWithTheAccountAndAddress() {
        signIn(ANN, Accounts.PASSWORD, HOME);

        assertEquals(List.of(new AuthEvent.SignedIn(ann.id(), HOME)),
                gatehouse.events.ofType(AuthEvent.SignedIn.class));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.SignInFailed.class));
    }

    @Test
    void failuresArePublishedWithTheirPreciseReasonAndTheNormalisedEmail() {
        Accounts.withoutPassword(gatehouse, "sso@example.org");

        signIn(" ANN@example.org", "wrong", HOME);
        signIn("Nobody@Example.org", "wrong", HOME);
        signIn("sso@example.org", "wrong", ELSEWHERE);

        assertEquals(List.of(
                        new AuthEvent.SignInFailed(ANN, HOME, SignInFailure.WRONG_PASSWORD),
                        new AuthEvent.SignInFailed("nobody@example.org", HOME, SignInFailure.UNKNOWN_ACCOUNT),
                        new AuthEvent.SignInFailed("sso@example.org", ELSEWHERE, SignInFailure.NO_PASSWORD)),
                gatehouse.events.ofType(AuthEvent.SignInFailed.class));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.SignedIn.class));
    }

    // --- single-user mode ----------------------------------------------------------------------------------------

    private static TestGatehouse singleUser() {
        FixedSettings fixed = FixedSettingsBuilder.defaults().singleUserMode().build();
        return new TestGatehouse(fixed, TestSettings.authDefaults(), new FakePasswordHasher());
    }

    @Test
    void singleUserModeSignsEveryoneIntoTheFixedAdminMadeOnFirstUse() {
        TestGatehouse single = singleUser();

        Session first = assertInstanceOf(Result.SignedIn.class,
                single.signIn.signIn(new Command("", PlainPassword.of(""), ClientAddress.LOCAL))).session();
        Session second = assertInstanceOf(Result.SignedIn.class,
                single.signIn.signIn(new Command("eve@example.org", PlainPassword.of("anything"), HOME))).session();

        assertEquals(EmailAddress.of("admin@localhost"), first.user().email());
        assertEquals(Role.ADMIN, first.user().role());
        assertEquals(first.user().id(), second.user().id());
        assertEquals(1, single.users.count());
        List<AuthEvent.AccountCreated> created = single.events.ofType(AuthEvent.AccountCreated.class);
        assertEquals(1, created.size());
        assertEquals(AuthEvent.Channel.NO_AUTH, created.get(0).channel());
    }

    @Test
    void singleUserModeAnswersExistingUsersWhenOtherAccountsExistWithoutTheFixedOne() {
        TestGatehouse single = singleUser();
        Accounts.withoutPassword(single, "ann@example.org");

        Result result = single.signIn.signIn(new Command("ann@example.org", PlainPassword.of("x"), HOME));

        assertEquals(new Result.Refused(Refusal.EXISTING_USERS, Optional.empty()), result);
        assertEquals(1, single.users.count());
    }

    @Test
    void singleUserModeStillSignsInTheFixedAccountWhenOthersExistBesideIt() {
        TestGatehouse single = singleUser();
        Session fixedAccount = assertInstanceOf(Result.SignedIn.class,
                single.signIn.signIn(new Command("", PlainPassword.of(""), HOME))).session();
        Accounts.withoutPassword(single, "ann@example.org");

        Result result = single.signIn.signIn(new Command("ann@example.org", PlainPassword.of("x"), HOME));

        assertEquals(fixedAccount.user().id(), assertInstanceOf(Result.SignedIn.class, result).session().user().id());
    }

    @Test
    void aSingleUserSignInIsPublished() {
        TestGatehouse single = singleUser();

        Session session = assertInstanceOf(Result.SignedIn.class,
                single.signIn.signIn(new Command("", PlainPassword.of(""), HOME))).session();

        assertEquals(List.of(new AuthEvent.SignedIn(session.user().id(), HOME)),
                single.events.ofType(AuthEvent.SignedIn.class));
    }

    @Test
    void singleUserModeNeverMakesTheFixedAccountOnceAnotherAccountExists() {
        TestGatehouse single = singleUser();
        // another request stores the instance's first account between our check and our insert
        InterleavingUserRepository users = new InterleavingUserRepository(single.users,
                () -> Accounts.withoutPassword(single, "ann@example.org"));
        AccountRegistrar registrar = new AccountRegistrar(users, single.groups, single.settings, single.events,
                single.clock);
        SignInWithPasswordService signIn = new SignInWithPasswordService(single.fixed, users, single.hasher,
                single.attempts, single.streaks, single.gate, single.sessions,
                new SingleUserSignIn(users, single.hasher, registrar, single.sessions), single.events, single.clock);

        Result result = signIn.signIn(new Command("", PlainPassword.of(""), HOME));

        assertEquals(new Result.Refused(Refusal.EXISTING_USERS, Optional.empty()), result);
        assertEquals(Optional.empty(), single.users.findByEmail(EmailAddress.of("admin@localhost")));
    }

    @Test
    void concurrentFirstSignInsInSingleUserModeShareOneAdmin() throws Exception {
        TestGatehouse single = singleUser();

        List<Result> results = runTogether(20,
                () -> single.signIn.signIn(new Command("", PlainPassword.of(""), HOME)));

        List<User> signedIn = new ArrayList<>();
        results.forEach(result -> signedIn.add(assertInstanceOf(Result.SignedIn.class, result).session().user()));
        assertEquals(1, signedIn.stream().map(User::id).distinct().count());
        assertEquals(Role.ADMIN, signedIn.get(0).role());
        assertEquals(1, single.users.count());
    }
}
