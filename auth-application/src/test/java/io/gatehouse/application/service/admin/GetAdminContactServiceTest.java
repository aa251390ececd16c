package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.GetAdminContactUseCase.Result;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class GetAdminContactServiceTest {

    private static TestGatehouse gatehouse(AuthSettings settings) {
        return new TestGatehouse(TestSettings.fixedDefaults(), settings, new FakePasswordHasher());
    }

    @Test
    void theContactIsHiddenWhenAdminDetailsAreOff() {
        TestGatehouse gatehouse = gatehouse(AuthSettingsBuilder.defaults().showAdminDetails(false).build());
        Accounts.firstAdmin(gatehouse);

        assertInstanceOf(Result.Hidden.class, gatehouse.adminContact.adminContact());
    }

    @Test
    void theConfiguredAdminEmailIsShownWithTheNameOfItsAccount() {
        TestGatehouse gatehouse = gatehouse(AuthSettingsBuilder.defaults().adminEmail("Helpdesk@Example.org").build());
        Accounts.firstAdmin(gatehouse);
        Accounts.member(gatehouse, "helpdesk@example.org", Role.ADMIN);

        assertEquals(new Result.Shown(Optional.of("helpdesk"), Optional.of("helpdesk@example.org")),
                gatehouse.adminContact.adminContact());
    }

    @Test
    void theConfiguredAdminEmailIsShownEvenWithoutAnAccount() {
        TestGatehouse gatehouse = gatehouse(AuthSettingsBuilder.defaults().adminEmail("helpdesk@example.org").build());
        Accounts.firstAdmin(gatehouse);

        assertEquals(new Result.Shown(Optional.empty(), Optional.of("helpdesk@example.org")),
                gatehouse.adminContact.adminContact());
    }

    @Test
    void withoutAConfiguredEmailTheFirstAccountIsShown() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Accounts.member(gatehouse, "root2@example.org", Role.ADMIN);

        assertEquals(new Result.Shown(Optional.of("admin"), Optional.of(Accounts.ADMIN_EMAIL)),
                gatehouse.adminContact.adminContact());
    }

    @Test
    void withoutAnyAccountNothingIsShown() {
        assertEquals(new Result.Shown(Optional.empty(), Optional.empty()),
                new TestGatehouse().adminContact.adminContact());
    }
}
