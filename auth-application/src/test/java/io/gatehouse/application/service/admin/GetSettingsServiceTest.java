package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GetSettingsServiceTest {

    @Test
    void theSettingsInForceAreTheDefaultsUntilChanged() {
        TestGatehouse gatehouse = new TestGatehouse();

        assertEquals(TestSettings.authDefaults(), new GetSettingsService(gatehouse.settings).settings());
    }

    @Test
    void theSettingsInForceIncludeEveryChange() {
        TestGatehouse gatehouse = new TestGatehouse();
        UserId admin = Accounts.firstAdmin(gatehouse).user().id();
        AuthSettings changed = AuthSettingsBuilder.from(gatehouse.settings.current()).apiKeysEnabled(true).build();

        gatehouse.updateSettings.update(new UpdateSettingsUseCase.Command(admin, changed));

        assertEquals(changed, new GetSettingsService(gatehouse.settings).settings());
    }
}
