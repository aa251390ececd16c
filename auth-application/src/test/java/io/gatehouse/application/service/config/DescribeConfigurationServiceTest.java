package io.gatehouse.application.service.config;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.in.config.DescribeConfigurationUseCase.PendingOverlay;
import io.gatehouse.application.port.in.config.DescribeConfigurationUseCase.PublicConfiguration;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.FixedSettingsBuilder;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescribeConfigurationServiceTest {

    private TestGatehouse gatehouse;

    @BeforeEach
    void anInstance() {
        gatehouse = new TestGatehouse(TestSettings.fixedDefaults(), AuthSettingsBuilder.defaults()
                .pendingOverlay("Hold on", "An admin will let you in.").build(), new FakePasswordHasher());
    }

    private PublicConfiguration anonymous() {
        return gatehouse.describeConfiguration.describe(Optional.empty());
    }

    private PublicConfiguration as(Session session) {
        return gatehouse.describeConfiguration.describe(Optional.of(gatehouse.principalOf(session)));
    }

    // --- onboarding ----------------------------------------------------------------------------------------------

    @Test
    void anAnonymousCallerOfAFreshInstanceIsOfferedOnboarding() {
        assertTrue(anonymous().onboarding());
    }

    @Test
    void onboardingEndsWithTheFirstAccount() {
        Accounts.firstAdmin(gatehouse);

        assertFalse(anonymous().onboarding());
    }

    @Test
    void aSignedInCallerIsNeverOfferedOnboarding() {
        // a caller whose account the store no longer has, on an instance without accounts
        Principal stale = new Principal(TestUsers.user("ghost@example.org"), Principal.Method.SESSION_TOKEN,
                Optional.empty(), List.of());

        assertFalse(gatehouse.describeConfiguration.describe(Optional.of(stale)).onboarding());
    }

    // --- default permissions -------------------------------------------------------------------------------------

    @Test
    void verifiedCallersGetTheDefaultPermissionsInForce() {
        Session admin = Accounts.firstAdmin(gatehouse);
        Session user = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        PermissionTree inForce = gatehouse.settings.current().defaultPermissions();

        assertEquals(Optional.of(inForce), as(admin).defaultPermissions());
        assertEquals(Optional.of(inForce), as(user).defaultPermissions());
    }

    @Test
    void anonymousAndPendingCallersGetNoPermissions() {
        Accounts.firstAdmin(gatehouse);
        Session pending = Accounts.member(gatehouse, "pat@example.org", Role.PENDING);

        assertEquals(Optional.empty(), anonymous().defaultPermissions());
        assertEquals(Optional.empty(), as(pending).defaultPermissions());
    }

    // --- pending overlay -----------------------------------------------------------------------------------------

    @Test
    void pendingCallersGetTheApprovalMessage() {
        Accounts.firstAdmin(gatehouse);
        Session pending = Accounts.member(gatehouse, "pat@example.org", Role.PENDING);

        assertEquals(Optional.of(new PendingOverlay("Hold on", "An admin will let you in.")),
                as(pending).pendingOverlay());
    }

    @Test
    void nobodyElseGetsTheApprovalMessage() {
        Session admin = Accounts.firstAdmin(gatehouse);
        Session user = Accounts.member(gatehouse, "bob@example.org", Role.USER);

        assertEquals(Optional.empty(), anonymous().pendingOverlay());
        assertEquals(Optional.empty(), as(admin).pendingOverlay());
        assertEquals(Optional.empty(), as(user).pendingOverlay());
    }

    // --- switches --------------------------------------------------------------------------------------------------

    @Test
    void theSwitchesInForceAreReported() {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false)
                .loginFormEnabled(false).apiKeysEnabled(true).build());

        PublicConfiguration configuration = anonymous();

        assertTrue(configuration.authEnabled());
        assertFalse(configuration.signupEnabled());
        assertFalse(configuration.loginFormEnabled());
        assertTrue(configuration.apiKeysEnabled());
    }

    @Test
    void singleUserModeIsReportedAsAuthenticationOff() {
        TestGatehouse single = new TestGatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults(), new FakePasswordHasher());

        assertFalse(single.describeConfiguration.describe(Optional.empty()).authEnabled());
    }

    @Test
    void singleUserModeNeverOffersSignUpWhateverIsStored() {
        TestGatehouse single = new TestGatehouse(FixedSettingsBuilder.defaults().singleUserMode().build(),
                TestSettings.authDefaults(), new FakePasswordHasher());

        assertTrue(TestSettings.authDefaults().signupEnabled(), "the stored setting says yes");
        assertFalse(single.describeConfiguration.describe(Optional.empty()).signupEnabled());
    }
}
