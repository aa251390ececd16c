package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase.Command;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateTimezoneServiceTest {

    @Test
    void aPendingUserRecordsTheirTimezone() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Session pending = Accounts.member(gatehouse, "pat@example.org", Role.PENDING);

        assertTrue(gatehouse.updateTimezone.updateTimezone(new Command(pending.user().id(), "Europe/Oslo")));

        assertEquals(Optional.of("Europe/Oslo"),
                gatehouse.users.findById(pending.user().id()).orElseThrow().timezone());
    }

    @Test
    void aDeletedAccountAnswersFalse() {
        TestGatehouse gatehouse = new TestGatehouse();
        Session admin = Accounts.firstAdmin(gatehouse);
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        gatehouse.deleteUser.delete(new DeleteUserUseCase.Command(admin.user().id(), bob.user().id()));

        assertFalse(gatehouse.updateTimezone.updateTimezone(new Command(bob.user().id(), "Europe/Oslo")));
        assertEquals(Optional.empty(), gatehouse.users.findById(bob.user().id()));
    }
}
