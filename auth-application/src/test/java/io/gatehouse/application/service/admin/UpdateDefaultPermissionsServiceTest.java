package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase.Command;
import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateDefaultPermissionsServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void anAdminAndAUser() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    private PermissionTree update(PermissionTree permissions) {
        return gatehouse.updateDefaultPermissions.update(new Command(admin.user().id(), permissions));
    }

    private PermissionTree bobsPermissionsNow() {
        return gatehouse.describeSession.describe(gatehouse.principalOf(bob)).permissions();
    }

    /** Open WebUI's built-in defaults with one switch set otherwise. */
    @SuppressWarnings("unchecked")
    private static PermissionTree builtInWith(String section, String name, boolean value) {
        Map<String, Object> tree = DefaultPermissions.openWebUi().toMap();
        ((Map<String, Object>) tree.get(section)).put(name, value);
        return PermissionTree.of(tree);
    }

    @Test
    void aMembersEffectivePermissionsChangeRightAfter() {
        assertFalse(bobsPermissionsNow().isGranted("features.api_keys"));

        update(Accounts.apiKeysGranted());

        assertTrue(bobsPermissionsNow().isGranted("features.api_keys"));
        assertTrue(gatehouse.sessions.issueFor(bob.user()).permissions().isGranted("features.api_keys"));
    }

    @Test
    void switchesTheNewTreeLacksKeepTheirBuiltInDefaults() {
        PermissionTree stored = update(Accounts.apiKeysGranted());

        assertEquals(builtInWith("features", "api_keys", true), stored);
        assertEquals(stored, gatehouse.settings.current().defaultPermissions());
    }

    @Test
    void switchesTheNewTreeGivesAreKeptEvenWhenTheyDifferFromTheBuiltInDefaults() {
        PermissionTree stored = update(PermissionTree.of(Map.of("chat", Map.of("file_upload", false))));

        assertEquals(builtInWith("chat", "file_upload", false), stored);
        assertFalse(bobsPermissionsNow().isGranted("chat.file_upload"));
        assertTrue(bobsPermissionsNow().isGranted("chat.delete"));
    }

    @Test
    void anEmptyTreeRestoresTheBuiltInDefaults() {
        update(Accounts.apiKeysGranted());

        assertEquals(DefaultPermissions.openWebUi(), update(PermissionTree.empty()));
    }

    @Test
    void theDefaultPermissionsAreStoredAndOtherSettingsKept() {
        boolean signupBefore = gatehouse.settings.current().signupEnabled();

        PermissionTree stored = update(Accounts.apiKeysGranted());

        assertEquals(stored, gatehouse.settingsStore.load(TestSettings.authDefaults()).defaultPermissions());
        assertEquals(signupBefore, gatehouse.settingsStore.load(TestSettings.authDefaults()).signupEnabled());
    }

    @Test
    void theChangeIsPublishedWithWhoMadeIt() {
        update(Accounts.apiKeysGranted());

        assertEquals(List.of(new AuthEvent.SettingsChanged(admin.user().id())),
                gatehouse.events.ofType(AuthEvent.SettingsChanged.class));
    }

    @Test
    void aChangeOnOneInstanceDoesNotUndoAChangeMadeOnAnother() {
        SettingsHolder otherInstance = new SettingsHolder(gatehouse.settingsStore, TestSettings.authDefaults());
        UpdateDefaultPermissionsService onOtherInstance =
                new UpdateDefaultPermissionsService(otherInstance, gatehouse.events);
        gatehouse.updateSettings.update(new UpdateSettingsUseCase.Command(admin.user().id(),
                AuthSettingsBuilder.from(gatehouse.settings.current()).signupEnabled(true).apiKeysEnabled(true)
                        .build()));

        onOtherInstance.update(new Command(admin.user().id(), Accounts.apiKeysGranted()));

        AuthSettings stored = gatehouse.settingsStore.load(TestSettings.authDefaults());
        assertTrue(stored.signupEnabled(), "the other instance's change was undone");
        assertTrue(stored.apiKeysEnabled(), "the other instance's change was undone");
        assertTrue(stored.defaultPermissions().isGranted("features.api_keys"));
    }
}
