package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase.Command;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase.Refusal;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInWithTrustedHeaderServiceTest {

    private static final ClientAddress PROXY = new ClientAddress("10.0.0.2");

    private TestGatehouse gatehouse;

    @BeforeEach
    void anInstanceWithAnAdmin() {
        gatehouse = new TestGatehouse();
        gatehouse.signedUp("root@example.org");
        gatehouse.updateSettings.update(new io.gatehouse.application.port.in.admin.UpdateSettingsUseCase.Command(
                UserId.random(), gatehouse.settings.current().withSignupEnabled(false)));
    }

    private Session signedIn(String email, Optional<String> name, Optional<List<String>> groups, Optional<String> role) {
        return assertInstanceOf(Result.SignedIn.class, gatehouse.signInWithTrustedHeader.signIn(
                new Command(email, name, groups, role, PROXY))).session();
    }

    @Test
    void theFirstRequestCreatesTheAccountEvenWithSignUpClosedAndTheNextFindsIt() {
        Session first = signedIn("Ann@Example.org", Optional.of("Ann Smith"), Optional.empty(), Optional.empty());
        Session second = signedIn("ann@example.org", Optional.empty(), Optional.empty(), Optional.empty());

        assertEquals("ann@example.org", first.user().email().value());
        assertEquals("Ann Smith", first.user().name());
        assertEquals(Role.PENDING, first.user().role());
        assertEquals(first.user().id(), second.user().id());
        List<AuthEvent.AccountCreated> created = gatehouse.events.ofType(AuthEvent.AccountCreated.class);
        assertEquals(Channel.TRUSTED_HEADER, created.get(created.size() - 1).channel());
        assertTrue(Channel.TRUSTED_HEADER.notifiesSignup());
    }

    @Test
    void withoutANameHeaderTheNameIsTheEmail() {
        assertEquals("bo@example.org", signedIn("bo@example.org", Optional.of("  "), Optional.empty(),
                Optional.empty()).user().name());
    }

    @Test
    void aMissingOrInvalidEmailAndSwitchedOffPasswordsAreRefused() {
        assertEquals(new Result.Refused(Refusal.INVALID_HEADER), gatehouse.signInWithTrustedHeader.signIn(
                new Command("not an address", Optional.empty(), Optional.empty(), Optional.empty(), PROXY)));
        TestGatehouse closed = new TestGatehouse(FixedSettingsBuilder.defaults().passwordAuthEnabled(false).build(),
                TestSettings.authDefaults(), new FakePasswordHasher());
        assertEquals(new Result.Refused(Refusal.PASSWORD_AUTH_DISABLED), closed.signInWithTrustedHeader.signIn(
                new Command("ann@example.org", Optional.empty(), Optional.empty(), Optional.empty(), PROXY)));
    }

    @Test
    void aValidRoleHeaderSetsTheRoleAndRevokesTokensOfTheOldOneWhileOthersAreIgnored() {
        Session pending = signedIn("ann@example.org", Optional.empty(), Optional.empty(), Optional.empty());

        Session user = signedIn("ann@example.org", Optional.empty(), Optional.empty(), Optional.of(" User "));
        Session ignored = signedIn("ann@example.org", Optional.empty(), Optional.empty(), Optional.of("overlord"));

        assertEquals(Role.USER, user.user().role());
        assertEquals(Role.USER, ignored.user().role());
        assertTrue(user.claims().tokenVersion() > pending.claims().tokenVersion(), "the pending session is revoked");
        assertEquals(1, gatehouse.events.ofType(AuthEvent.RoleChanged.class).size());
    }

    @Test
    void groupsFollowTheHeaderAmongExistingGroupsAndManualMembershipsStay() {
        gatehouse.storedGroup("devs");
        Group ops = gatehouse.storedGroup("ops");
        User ann = signedIn("ann@example.org", Optional.empty(), Optional.of(List.of("devs", "unknown")),
                Optional.empty()).user();
        gatehouse.groups.addMembers(ops.id(), List.of(ann.id()), MembershipSource.ADMIN, gatehouse.clock.instant());

        signedIn("ann@example.org", Optional.empty(), Optional.of(List.of("ops")), Optional.empty());

        assertEquals(Set.of("ops:ADMIN", "ops:TRUSTED_HEADER"), gatehouse.membershipsOf(ann.id()), "devs left, ops joined");
        assertEquals(2, gatehouse.groups.findAll().size(), "no group is created");
        signedIn("ann@example.org", Optional.empty(), Optional.of(List.of()), Optional.empty());
        assertEquals(Set.of("ops:ADMIN", "ops:TRUSTED_HEADER"), gatehouse.membershipsOf(ann.id()), "an empty header changes nothing");
        signedIn("ann@example.org", Optional.empty(), Optional.of(List.of("devs")), Optional.empty());
        assertEquals(Set.of("ops:ADMIN", "devs:TRUSTED_HEADER"), gatehouse.membershipsOf(ann.id()), "the hand-made membership stays");
    }

}
