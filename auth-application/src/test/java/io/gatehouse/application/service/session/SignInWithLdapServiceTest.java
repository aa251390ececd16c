package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.FakeLdapDirectory.Person;
import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.UpdateLdapSettingsUseCase;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase.Command;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase.Refusal;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.LdapDirectory.Reason;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInWithLdapServiceTest {

    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");
    private static final Result FAILED = new Result.Refused(Refusal.FAILED, Optional.empty());
    private static final Person ALICE = new Person("alice-pw", List.of("Alice@Example.ORG"),
            Optional.of("Alice Liddell"), List.of("devs", "sales"));

    private TestGatehouse gatehouse;

    @BeforeEach
    void aliceIsInTheMainDirectory() {
        gatehouse = new TestGatehouse();
        gatehouse.ldapDirectory.add("Main", "alice", ALICE);
        configure(ldap -> ldap.withEnabled(true).withServers(List.of(server("Main"))));
    }

    private void configure(UnaryOperator<LdapSettings> change) {
        gatehouse.updateLdapSettings.update(new UpdateLdapSettingsUseCase.Command(UserId.random(), change));
    }

    private static LdapServer server(String label) {
        return new LdapServer(label, label.toLowerCase() + ".example.org", Optional.empty(), "mail", "uid", "", "",
                "dc=example,dc=org", "", true, false, "", true, "ALL");
    }

    private Result signIn(String username, String password) {
        return gatehouse.signInWithLdap.signIn(new Command(username, PlainPassword.of(password), FROM));
    }

    private User signedIn(String username, String password) {
        return assertInstanceOf(Result.SignedIn.class, signIn(username, password)).session().user();
    }

    private SignInFailure lastFailure() {
        List<AuthEvent.SignInFailed> failures = gatehouse.events.ofType(AuthEvent.SignInFailed.class);
        return failures.get(failures.size() - 1).failure();
    }

    @Test
    void theFirstSignInCreatesTheAccountFromTheEntryAndTheSecondReusesIt() {
        gatehouse.signedUp("first@example.org");

        User alice = signedIn("alice", "alice-pw");
        User again = signedIn("Alice", "alice-pw");

        assertEquals("alice@example.org", alice.email().value());
        assertEquals("Alice Liddell", alice.name());
        assertEquals(Role.PENDING, alice.role(), "the default role");
        assertEquals(alice.id(), again.id());
        assertEquals(2, gatehouse.users.count());
        List<AuthEvent.AccountCreated> created = gatehouse.events.ofType(AuthEvent.AccountCreated.class);
        assertEquals(Channel.LDAP, created.get(created.size() - 1).channel(), "drives the sign-up webhook");
        assertTrue(Channel.LDAP.notifiesSignup());
    }

    @Test
    void theFirstAccountOfAnInstanceIsAnAdminButSignUpStaysAsItWas() {
        User alice = signedIn("alice", "alice-pw");

        assertEquals(Role.ADMIN, alice.role());
        assertTrue(gatehouse.settings.current().signupEnabled());
    }

    @Test
    void anExistingAccountWithTheEmailIsTheOneSignedIn() {
        User local = gatehouse.signedUp("alice@example.org").user();

        assertEquals(local.id(), signedIn("alice", "alice-pw").id());
    }

    @Test
    void wrongPasswordUnknownUserBlankPasswordAndMissingEmailAllGiveTheSameAnswer() {
        gatehouse.ldapDirectory.add("Main", "nomail", new Person("pw", List.of(), Optional.empty(), List.of()));
        gatehouse.ldapDirectory.add("Main", "badmail", new Person("pw", List.of("not an address"), Optional.empty(),
                List.of()));

        assertEquals(FAILED, signIn("alice", "wrong"));
        assertEquals(SignInFailure.LDAP_WRONG_PASSWORD, lastFailure());
        assertEquals(FAILED, signIn("mallory", "alice-pw"));
        assertEquals(SignInFailure.LDAP_USER_NOT_FOUND, lastFailure());
        assertEquals(FAILED, signIn("alice", ""));
        assertEquals(FAILED, signIn("alice", " \t "));
        assertEquals(SignInFailure.BLANK_PASSWORD, lastFailure());
        assertEquals(FAILED, signIn("nomail", "pw"));
        assertEquals(FAILED, signIn("badmail", "pw"));
        assertEquals(SignInFailure.LDAP_NO_EMAIL, lastFailure());
        assertEquals(0, gatehouse.users.count(), "nothing was created");
    }

    @Test
    void aBlankPasswordNeverReachesTheDirectory() {
        signIn("alice", "");
        signIn("alice", "   ");

        assertEquals(List.of(), gatehouse.ldapDirectory.asked);
    }

    @Test
    void offOrWithPasswordsSwitchedOffNothingIsAsked() {
        configure(ldap -> ldap.withEnabled(false));
        assertEquals(new Result.Refused(Refusal.NOT_ENABLED, Optional.empty()), signIn("alice", "alice-pw"));

        TestGatehouse noPasswords = new TestGatehouse(FixedSettingsBuilder.defaults().passwordAuthEnabled(false).build(),
                TestSettings.authDefaults(), new FakePasswordHasher());
        noPasswords.updateLdapSettings.update(new UpdateLdapSettingsUseCase.Command(UserId.random(),
                ldap -> ldap.withEnabled(true)));
        assertEquals(new Result.Refused(Refusal.PASSWORD_AUTH_DISABLED, Optional.empty()),
                noPasswords.signInWithLdap.signIn(new Command("alice", PlainPassword.of("alice-pw"), FROM)));

        assertEquals(List.of(), gatehouse.ldapDirectory.asked);
    }

    @Test
    void serversAreTriedInOrderUntilOneAcceptsTheUser() {
        gatehouse.ldapDirectory.add("Backup", "alice", ALICE);
        configure(ldap -> ldap.withServers(List.of(server("Main"), server("Backup"))));
        gatehouse.ldapDirectory.takeDown("Main");

        signedIn("alice", "alice-pw");

        assertEquals(List.of("Main", "Backup"), gatehouse.ldapDirectory.asked);
    }

    @Test
    void afterSeveralServersTheAnswerIsStillTheUniformOne() {
        gatehouse.ldapDirectory.add("Backup", "bob", new Person("bob-pw", List.of("bob@example.org"), Optional.empty(),
                List.of()));
        configure(ldap -> ldap.withServers(List.of(server("Main"), server("Backup"), server("Down"))));
        gatehouse.ldapDirectory.takeDown("Down");

        assertEquals(FAILED, signIn("bob", "wrong"), "Main: not found, Backup: wrong password, Down: no answer");
        assertEquals(SignInFailure.LDAP_WRONG_PASSWORD, lastFailure(), "the precise reason is kept for the audit");
        assertEquals(FAILED, signIn("carol", "pw"));
    }

    @Test
    void whenNoServerAnswersTheDirectoryIsUnavailableAndNoFailureIsCounted() {
        configure(ldap -> ldap.withServers(List.of(server("Main"), server("Broken"))));
        gatehouse.ldapDirectory.takeDown("Main");
        gatehouse.ldapDirectory.breakWith("Broken", Reason.APP_BIND_FAILED);

        assertEquals(new Result.Refused(Refusal.UNAVAILABLE, Optional.empty()), signIn("alice", "alice-pw"));
        assertEquals(SignInFailure.LDAP_APP_BIND_FAILED, lastFailure());
        assertEquals(0, gatehouse.streaks.current("ldap:account:alice").failures());
    }

    @Test
    void attemptsAreThrottledLikePasswordSignInsAndAThrottledOneNeverReachesTheDirectory() {
        for (int i = 0; i < 15; i++) {
            assertEquals(FAILED, signIn("alice", "guess-" + i));
        }
        int asked = gatehouse.ldapDirectory.asked.size();

        Result.Refused refused = assertInstanceOf(Result.Refused.class, signIn("alice", "alice-pw"));

        assertEquals(Refusal.RATE_LIMITED, refused.reason());
        assertTrue(refused.retryAfter().isPresent());
        assertEquals(asked, gatehouse.ldapDirectory.asked.size());
    }

    @Test
    void theSingleServerIsUsedWhenTheListIsEmpty() {
        gatehouse.ldapDirectory.add("Single", "alice", ALICE);
        configure(ldap -> ldap.withSingleServer(server("Single"), false, false, "memberOf"));

        signedIn("alice", "alice-pw");

        assertEquals(List.of("Single"), gatehouse.ldapDirectory.asked);
    }

    // ---- groups

    private void groupRules(boolean management, boolean creation, String... blocked) {
        configure(ldap -> new LdapSettings(true, ldap.server(), ldap.servers(), management, creation, "memberOf", "",
                List.of(blocked)));
    }

    @Test
    void withManagementOffGroupsAreLeftAlone() {
        gatehouse.storedGroup("devs");

        User alice = signedIn("alice", "alice-pw");

        assertEquals(Set.of(), gatehouse.membershipsOf(alice.id()));
    }

    @Test
    void withCreationOffOnlyExistingGroupsAreJoined() {
        groupRules(true, false);
        gatehouse.storedGroup("devs");

        User alice = signedIn("alice", "alice-pw");

        assertEquals(Set.of("devs:LDAP"), gatehouse.membershipsOf(alice.id()));
        assertEquals(List.of("devs"), gatehouse.groups.findAll().stream().map(g -> g.name().value())
                .collect(Collectors.toList()));
    }

    @Test
    void withCreationOnMissingGroupsAreCreatedButBlockedOnesNever() {
        groupRules(true, true, "sal*");

        User alice = signedIn("alice", "alice-pw");

        assertEquals(Set.of("devs:LDAP"), gatehouse.membershipsOf(alice.id()));
        assertEquals(List.of("devs"), gatehouse.groups.findAll().stream().map(g -> g.name().value())
                .collect(Collectors.toList()), "sales is blocked and was not created");
    }

    @Test
    void membershipsAnAdminAssignedStayAndGroupsTheDirectoryDropsAreLeft() {
        groupRules(true, true);
        Group ops = gatehouse.storedGroup("ops");
        User alice = signedIn("alice", "alice-pw");
        gatehouse.groups.addMembers(ops.id(), List.of(alice.id()), MembershipSource.ADMIN, gatehouse.clock.instant());

        gatehouse.ldapDirectory.add("Main", "alice", new Person("alice-pw", ALICE.mails(), ALICE.commonName(),
                List.of("devs")));
        signedIn("alice", "alice-pw");

        assertEquals(Set.of("devs:LDAP", "ops:ADMIN"), gatehouse.membershipsOf(alice.id()));
    }

    @Test
    void aChangeOfTheSettingsAppliesToTheNextSignIn() {
        gatehouse.ldapDirectory.add("New", "alice", ALICE);
        assertEquals(FAILED, signIn("nobody", "x"));

        configure(ldap -> ldap.withServers(List.of(server("New"))));
        signedIn("alice", "alice-pw");

        assertEquals("New", gatehouse.ldapDirectory.asked.get(gatehouse.ldapDirectory.asked.size() - 1));
        assertEquals(EmailAddress.of("alice@example.org"),
                gatehouse.users.findAccountByEmail(EmailAddress.of("alice@example.org")).orElseThrow().user().email());
    }
}
