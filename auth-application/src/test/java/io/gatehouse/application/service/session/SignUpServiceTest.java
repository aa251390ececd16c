package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase.Command;
import io.gatehouse.application.port.in.session.SignUpUseCase.Refusal;
import io.gatehouse.application.port.in.session.SignUpUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.application.service.InterleavingUserRepository;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;
import io.gatehouse.domain.user.UserSearch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignUpServiceTest {

    private static final String GOOD_PASSWORD = "correct horse";

    private static Result signUp(TestGatehouse gatehouse, String email, String password) {
        return gatehouse.signUp.signUp(new Command(email.substring(0, email.indexOf('@')), EmailAddress.of(email),
                PlainPassword.of(password), UserProfile.DEFAULT_IMAGE));
    }

    private static Session signedUp(Result result) {
        return assertInstanceOf(Result.SignedUp.class, result).session();
    }

    private static void assertRefused(Refusal expected, Result result) {
        Result.Refused refused = assertInstanceOf(Result.Refused.class, result);
        assertEquals(expected, refused.reason());
        assertEquals(Optional.empty(), refused.password(), "only a rejected password carries details");
    }

    private static PasswordRejection rejectedPassword(Result result) {
        Result.Refused refused = assertInstanceOf(Result.Refused.class, result);
        assertEquals(Refusal.PASSWORD_REJECTED, refused.reason());
        return refused.password().orElseThrow();
    }

    private static TestGatehouse gatehouse(FixedSettings fixed, AuthSettings settings) {
        return new TestGatehouse(fixed, settings, new FakePasswordHasher());
    }

    private static void openSignup(TestGatehouse gatehouse, Role defaultRole) {
        gatehouse.settings.update(current ->
                AuthSettingsBuilder.from(current).signupEnabled(true).defaultUserRole(defaultRole).build());
    }

    // --- the first account -------------------------------------------------------------------------------------

    @Test
    void theFirstAccountBecomesAdminAndItsSessionWorks() {
        TestGatehouse gatehouse = new TestGatehouse();

        Session session = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        assertEquals(Role.ADMIN, session.user().role());
        assertEquals(Role.ADMIN, gatehouse.users.findById(session.user().id()).orElseThrow().role());
        AuthenticateUseCase.Result.Authenticated authenticated = assertInstanceOf(
                AuthenticateUseCase.Result.Authenticated.class,
                gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(session.token().value(), "/")));
        assertEquals(session.user().id(), authenticated.principal().user().id());
    }

    @Test
    void theFirstAccountSwitchesPublicSignupOffAndTheSwitchIsStored() {
        TestGatehouse gatehouse = new TestGatehouse();
        assertTrue(gatehouse.settings.current().signupEnabled());

        signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        assertFalse(gatehouse.settings.current().signupEnabled());
        assertFalse(gatehouse.settingsStore.load(TestSettings.authDefaults()).signupEnabled(),
                "a restart must not reopen sign-up");
        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void laterAccountsGetTheDefaultUserRole() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);

        openSignup(gatehouse, Role.PENDING);
        Session pending = signedUp(signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        openSignup(gatehouse, Role.USER);
        Session user = signedUp(signUp(gatehouse, "cy@example.org", GOOD_PASSWORD));

        assertEquals(Role.PENDING, pending.user().role());
        assertEquals(Role.USER, user.user().role());
        assertEquals(Role.USER, gatehouse.users.findById(user.user().id()).orElseThrow().role());
        assertTrue(gatehouse.settings.current().signupEnabled(), "only the first account closes sign-up");
    }

    // --- the gate --------------------------------------------------------------------------------------------------

    @Test
    void signupSwitchedOffRefusesOnceAccountsExist() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build());

        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void loginFormSwitchedOffRefusesSignupOnceAccountsExistEvenWithSignupOn() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        gatehouse.settings.update(current ->
                AuthSettingsBuilder.from(current).signupEnabled(true).loginFormEnabled(false).build());

        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void closedSignupDoesNotTellWhetherAnEmailIsTaken() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);

        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, Accounts.ADMIN_EMAIL, GOOD_PASSWORD));
    }

    @Test
    void withNoAccountASwitchedOffSignupIsIgnoredForTheFirstAccountOnly() {
        TestGatehouse gatehouse = gatehouse(TestSettings.fixedDefaults(),
                AuthSettingsBuilder.defaults().signupEnabled(false).loginFormEnabled(true).build());

        Session first = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        assertEquals(Role.ADMIN, first.user().role());
        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void initialAdminSignupAdmitsTheFirstAccountOnlyWhenTheLoginFormIsOff() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().initialAdminSignup(true).build(),
                AuthSettingsBuilder.defaults().signupEnabled(true).loginFormEnabled(false).build());

        Session first = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).signupEnabled(true).build());

        assertEquals(Role.ADMIN, first.user().role());
        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void withTheLoginFormOffAndNoInitialAdminSignupEvenTheFirstAccountIsRefused() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().initialAdminSignup(false).build(),
                AuthSettingsBuilder.defaults().signupEnabled(true).loginFormEnabled(false).build());

        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));
        assertEquals(0, gatehouse.users.count());
    }

    @Test
    void racingFirstSignupsThroughAClosedGateAdmitExactlyOne() throws Exception {
        TestGatehouse gatehouse = gatehouse(TestSettings.fixedDefaults(),
                AuthSettingsBuilder.defaults().signupEnabled(false).build());
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "racer" + i + "@example.org";
            tasks.add(() -> signUp(gatehouse, email, GOOD_PASSWORD));
        }

        List<Result> results = runTogether(tasks);

        assertEquals(1, results.stream().filter(Result.SignedUp.class::isInstance).count());
        results.stream().filter(Result.Refused.class::isInstance)
                .forEach(refused -> assertRefused(Refusal.SIGNUP_DISABLED, refused));
        assertEquals(1, gatehouse.users.count());
    }

    // --- password authentication off (a defect of Open WebUI we fix) ---------------------------------------------

    @Test
    void passwordAuthenticationOffClosesSignupEvenForTheFirstAccount() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().passwordAuthEnabled(false).build(),
                AuthSettingsBuilder.defaults().signupEnabled(true).loginFormEnabled(true).build());

        assertRefused(Refusal.PASSWORD_AUTH_DISABLED, signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));
        assertEquals(0, gatehouse.users.count());
    }

    @Test
    void passwordAuthenticationOffClosesSignupThatIsOtherwiseOpen() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().passwordAuthEnabled(false).build(),
                TestSettings.authDefaults());
        Accounts.withoutPassword(gatehouse, "sso-admin@example.org");
        openSignup(gatehouse, Role.USER);

        assertRefused(Refusal.PASSWORD_AUTH_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
        assertTrue(gatehouse.events.ofType(AuthEvent.AccountCreated.class).isEmpty());
    }

    // --- checks --------------------------------------------------------------------------------------------------

    @Test
    void anEmailAlreadyRegisteredIsTakenWhateverItsCase() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        openSignup(gatehouse, Role.USER);

        Result result = gatehouse.signUp.signUp(new Command("Imposter", EmailAddress.of("  ADMIN@Example.ORG "),
                PlainPassword.of(GOOD_PASSWORD), UserProfile.DEFAULT_IMAGE));

        assertRefused(Refusal.EMAIL_TAKEN, result);
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void aPasswordOf73BytesIsTooLong() {
        TestGatehouse gatehouse = new TestGatehouse();

        PasswordRejection rejection = rejectedPassword(signUp(gatehouse, "ann@example.org", "a".repeat(73)));

        assertEquals(PasswordCheck.TOO_LONG, rejection.check());
        assertEquals(0, gatehouse.users.count());
    }

    @Test
    void aPasswordOf72BytesIsAccepted() {
        TestGatehouse gatehouse = new TestGatehouse();

        signedUp(signUp(gatehouse, "ann@example.org", "a".repeat(72)));
    }

    @Test
    void thePasswordLimitCountsBytesNotCharacters() {
        TestGatehouse gatehouse = new TestGatehouse();

        // 37 characters, 74 bytes in UTF-8: bcrypt would silently drop the end
        PasswordRejection rejection = rejectedPassword(signUp(gatehouse, "ann@example.org", "ü".repeat(37)));

        assertEquals(PasswordCheck.TOO_LONG, rejection.check());
    }

    @Test
    void aTooShortPasswordIsRejectedWithThePolicyMinimum() {
        TestGatehouse gatehouse = new TestGatehouse();

        PasswordRejection rejection = rejectedPassword(signUp(gatehouse, "ann@example.org", "seven77"));

        assertEquals(PasswordCheck.TOO_SHORT, rejection.check());
        assertEquals(8, rejection.minimumCharacters());
        assertEquals(0, gatehouse.users.count());
    }

    @Test
    void aPasswordNotMatchingThePatternIsRejectedWithTheHint() {
        PasswordPolicy policy = new PasswordPolicy(8, Optional.of(Pattern.compile(PasswordPolicy.DEFAULT_PATTERN)),
                "Mix cases, digits and a symbol.");
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().passwordPolicy(policy).build(),
                TestSettings.authDefaults());

        PasswordRejection rejection = rejectedPassword(signUp(gatehouse, "ann@example.org", "alllowercase"));

        assertEquals(PasswordCheck.PATTERN_MISMATCH, rejection.check());
        assertEquals("Mix cases, digits and a symbol.", rejection.hint());
        assertEquals(0, gatehouse.users.count());
        signedUp(signUp(gatehouse, "ann@example.org", "Str0ng!pass"));
    }

    @Test
    void theSessionSignsInWithThePasswordChosen() {
        TestGatehouse gatehouse = new TestGatehouse();
        signedUp(signUp(gatehouse, "ann@example.org", "my own secret"));

        SignInWithPasswordUseCase.Result result = gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(
                "ann@example.org", PlainPassword.of("my own secret"), new ClientAddress("10.0.0.1")));

        assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class, result);
    }

    // --- what follows a creation ---------------------------------------------------------------------------------

    @Test
    void theNewAccountJoinsTheDefaultGroupAndGetsItsPermissions() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Group everyone = Accounts.group(gatehouse, "everyone", Accounts.apiKeysGranted());
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).signupEnabled(true)
                .defaultGroup(everyone.id()).build());

        Session bob = signedUp(signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));

        assertEquals(List.of(new Membership(everyone.id(), bob.user().id(), MembershipSource.DEFAULT_GROUP)),
                gatehouse.groups.membershipsOf(bob.user().id()));
        assertTrue(bob.permissions().isGranted("features.api_keys"),
                "the session's permissions include the default group's");
    }

    @Test
    void withoutADefaultGroupTheNewAccountJoinsNoGroup() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.group(gatehouse, "everyone", Accounts.apiKeysGranted());

        Session ann = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        assertEquals(List.of(), gatehouse.groups.membershipsOf(ann.user().id()));
    }

    @Test
    void signupPublishesAccountCreatedOnTheSignupChannel() {
        TestGatehouse gatehouse = new TestGatehouse();

        Session ann = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        List<AuthEvent.AccountCreated> created = gatehouse.events.ofType(AuthEvent.AccountCreated.class);
        assertEquals(1, created.size());
        assertEquals(ann.user().id(), created.get(0).user().id());
        assertEquals(AuthEvent.Channel.SIGNUP, created.get(0).channel());
        assertTrue(created.get(0).channel().notifiesSignup(), "public sign-up drives the sign-up webhook");
    }

    @Test
    void aRefusedSignupPublishesNothing() {
        TestGatehouse gatehouse = new TestGatehouse();

        signUp(gatehouse, "ann@example.org", "short");

        assertEquals(List.of(), gatehouse.events.all());
    }

    // --- races -----------------------------------------------------------------------------------------------------

    @Test
    void fiftyConcurrentFirstSignupsMakeExactlyOneAdmin() throws Exception {
        TestGatehouse gatehouse = new TestGatehouse();
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "racer" + i + "@example.org";
            tasks.add(() -> signUp(gatehouse, email, GOOD_PASSWORD));
        }

        List<Result> results = runTogether(tasks);

        long adminsSignedUp = results.stream().filter(Result.SignedUp.class::isInstance)
                .map(result -> ((Result.SignedUp) result).session().user())
                .filter(User::isAdmin).count();
        assertEquals(1, adminsSignedUp);
        long adminsStored = gatehouse.users.find(
                new UserSearch(Optional.empty(), UserSearch.Order.CREATED_AT, true, 1, 100)).users().stream()
                .filter(User::isAdmin).count();
        assertEquals(1, adminsStored);
        assertFalse(gatehouse.settings.current().signupEnabled());
    }

    @Test
    void fiftyConcurrentSignupsWithOneEmailMakeOneAccount() throws Exception {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        openSignup(gatehouse, Role.USER);
        gatehouse.clock.advance(Duration.ofSeconds(1));

        List<Result> results = runTogether(50, () -> signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));

        assertEquals(1, results.stream().filter(Result.SignedUp.class::isInstance).count());
        List<Result> refused = new ArrayList<>(results);
        refused.removeIf(Result.SignedUp.class::isInstance);
        assertEquals(49, refused.size());
        refused.forEach(result -> assertRefused(Refusal.EMAIL_TAKEN, result));
        assertEquals(2, gatehouse.users.count());
    }

    // --- single-user mode ----------------------------------------------------------------------------------------

    @Test
    void singleUserModeRefusesSignupOnceAnAccountExists() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults());
        assertInstanceOf(SignInWithPasswordUseCase.Result.SignedIn.class,
                gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command("", PlainPassword.of(""),
                        ClientAddress.LOCAL)));
        openSignup(gatehouse, Role.USER);

        assertRefused(Refusal.SIGNUP_DISABLED, signUp(gatehouse, "bob@example.org", GOOD_PASSWORD));
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void singleUserModeAdmitsTheFirstAccountBySignup() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults());

        Session ann = signedUp(signUp(gatehouse, "ann@example.org", GOOD_PASSWORD));

        assertEquals(Role.ADMIN, ann.user().role());
    }

    @Test
    void singleUserModeRefusesASignupThatLosesTheRaceForTheOnlyAccount() {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults());
        // another request stores the instance's first account between our check and our insert
        InterleavingUserRepository users = new InterleavingUserRepository(gatehouse.users,
                () -> Accounts.withoutPassword(gatehouse, "winner@example.org"));
        AccountRegistrar registrar = new AccountRegistrar(users, gatehouse.groups, gatehouse.settings,
                gatehouse.events, gatehouse.clock);
        SignUpService signUp = new SignUpService(gatehouse.fixed, gatehouse.settings, users, gatehouse.hasher,
                registrar, gatehouse.sessions);

        Result result = signUp.signUp(new Command("loser", EmailAddress.of("loser@example.org"),
                PlainPassword.of(GOOD_PASSWORD), UserProfile.DEFAULT_IMAGE));

        assertRefused(Refusal.SIGNUP_DISABLED, result);
        assertEquals(1, gatehouse.users.count());
    }

    @Test
    void concurrentSignupsInSingleUserModeMakeOneAccount() throws Exception {
        TestGatehouse gatehouse = gatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults());
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "racer" + i + "@example.org";
            tasks.add(() -> signUp(gatehouse, email, GOOD_PASSWORD));
        }

        List<Result> results = runTogether(tasks);

        assertEquals(1, results.stream().filter(Result.SignedUp.class::isInstance).count());
        assertEquals(1, gatehouse.users.count());
    }
}
