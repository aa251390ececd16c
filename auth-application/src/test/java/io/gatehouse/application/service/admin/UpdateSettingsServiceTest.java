package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase.Command;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateSettingsServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;

    @BeforeEach
    void anAdmin() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
    }

    private AuthSettings update(AuthSettingsBuilder change) {
        return gatehouse.updateSettings.update(new Command(admin.user().id(), change.build()));
    }

    private AuthSettingsBuilder inForce() {
        return AuthSettingsBuilder.from(gatehouse.settings.current());
    }

    private SignUpUseCase.Result signUp(String email) {
        return gatehouse.signUp.signUp(new SignUpUseCase.Command("someone", EmailAddress.of(email),
                PlainPassword.of(Accounts.PASSWORD), UserProfile.DEFAULT_IMAGE));
    }

    @Test
    void openingSignupAppliesToTheVeryNextSignup() {
        assertInstanceOf(SignUpUseCase.Result.Refused.class, signUp("bob@example.org"));

        update(inForce().signupEnabled(true).defaultUserRole(Role.USER));

        Session bob = assertInstanceOf(SignUpUseCase.Result.SignedUp.class, signUp("bob@example.org")).session();
        assertEquals(Role.USER, bob.user().role());
    }

    @Test
    void closingSignupAppliesToTheVeryNextSignup() {
        update(inForce().signupEnabled(true));
        assertInstanceOf(SignUpUseCase.Result.SignedUp.class, signUp("bob@example.org"));

        update(inForce().signupEnabled(false));

        assertEquals(new SignUpUseCase.Result.Refused(SignUpUseCase.Refusal.SIGNUP_DISABLED, Optional.empty()),
                signUp("carol@example.org"));
    }

    @Test
    void aNewTokenLifetimeAppliesToTheNextSession() {
        update(inForce().tokenLifetime("2h"));

        Session next = gatehouse.sessions.issueFor(admin.user());

        assertEquals(Optional.of(next.claims().issuedAt().plus(Duration.ofHours(2))), next.claims().expiresAt());
    }

    @Test
    void theSettingsAreStoredSoThatARestartOrAnotherInstanceReadsThem() {
        AuthSettings stored = update(inForce().signupEnabled(true).apiKeysEnabled(true).adminEmail("help@example.org"));

        assertEquals(stored, gatehouse.settingsStore.load(TestSettings.authDefaults()));
        assertEquals(stored, new SettingsHolder(gatehouse.settingsStore, TestSettings.authDefaults()).current());
        assertEquals(stored, gatehouse.settings.current());
    }

    @Test
    void theChangeIsPublishedWithWhoMadeIt() {
        update(inForce().apiKeysEnabled(true));

        assertEquals(List.of(new AuthEvent.SettingsChanged(admin.user().id())),
                gatehouse.events.ofType(AuthEvent.SettingsChanged.class));
    }

    @Test
    void switchesMissingFromTheGivenDefaultPermissionsKeepTheirBuiltInValues() {
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);

        AuthSettings stored = update(inForce().defaultPermissions(Accounts.apiKeysGranted()));

        @SuppressWarnings("unchecked")
        Map<String, Object> expected = DefaultPermissions.openWebUi().toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) expected.get("features");
        features.put("api_keys", true);
        assertEquals(PermissionTree.of(expected), stored.defaultPermissions());
        PermissionTree bobsPermissions = gatehouse.describeSession.describe(gatehouse.principalOf(bob)).permissions();
        assertTrue(bobsPermissions.isGranted("chat.file_upload"));
        assertTrue(bobsPermissions.isGranted("features.api_keys"));
    }
}
