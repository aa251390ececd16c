package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase.Command;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase.Result;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteUserServiceTest {

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

    private Result delete(Session actor, UserId target) {
        return gatehouse.deleteUser.delete(new Command(actor.user().id(), target));
    }

    private AuthenticateUseCase.Result authenticate(String credential) {
        return gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(credential, "/"));
    }

    @Test
    void nobodyMayDeleteThemself() {
        assertEquals(Result.PROTECTED, delete(secondAdmin, secondAdmin.user().id()));

        assertTrue(gatehouse.users.findById(secondAdmin.user().id()).isPresent());
    }

    @Test
    void nobodyMayDeleteThePrimaryAdmin() {
        assertEquals(Result.PROTECTED, delete(secondAdmin, primary.user().id()));

        assertTrue(gatehouse.users.findById(primary.user().id()).isPresent());
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.AccountDeleted.class));
    }

    @Test
    void theDeletedAccountsTokensStopWorkingAtOnce() {
        assertEquals(Result.DELETED, delete(secondAdmin, bob.user().id()));

        assertEquals(new AuthenticateUseCase.Result.Refused(AuthenticateUseCase.Refusal.UNKNOWN_USER),
                authenticate(bob.token().value()));
        assertEquals(Optional.empty(), gatehouse.users.findById(bob.user().id()));
        assertEquals(List.of(new AuthEvent.AccountDeleted(bob.user().id(), secondAdmin.user().id())),
                gatehouse.events.ofType(AuthEvent.AccountDeleted.class));
    }

    @Test
    void theDeletedAccountsMembershipsAndApiKeyGoWithIt() {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysEnabled(true).build());
        Group group = Accounts.group(gatehouse, "developers", Accounts.apiKeysGranted());
        gatehouse.groups.addMembers(group.id(), List.of(bob.user().id()), MembershipSource.ADMIN,
                gatehouse.clock.instant());
        String key = assertInstanceOf(CreateApiKeyUseCase.Result.Created.class, gatehouse.createApiKey.create(
                new CreateApiKeyUseCase.Command(gatehouse.principalOf(bob), Optional.empty()))).secret().reveal();

        delete(primary, bob.user().id());

        assertEquals(Set.of(), gatehouse.groups.memberIds(group.id()));
        assertEquals(new AuthenticateUseCase.Result.Refused(AuthenticateUseCase.Refusal.UNKNOWN_API_KEY),
                authenticate(key));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertEquals(Result.NOT_FOUND, delete(primary, UserId.random()));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.AccountDeleted.class));
    }

    @Test
    void anAccountDeletedTwiceIsNotFoundTheSecondTime() {
        delete(primary, bob.user().id());

        assertEquals(Result.NOT_FOUND, delete(primary, bob.user().id()));
    }
}
