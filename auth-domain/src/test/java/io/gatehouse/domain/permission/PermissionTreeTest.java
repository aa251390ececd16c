package io.gatehouse.domain.permission;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionTreeTest {

    private final PermissionTree defaults = DefaultPermissions.openWebUi();

    @Test
    void aGroupGrantsWhatTheDefaultsDoNot() {
        PermissionTree group = PermissionTree.of(Map.of("features", Map.of("api_keys", true)));

        PermissionTree effective = PermissionTree.effective(defaults, List.of(group));

        assertFalse(defaults.isGranted("features.api_keys"));
        assertTrue(effective.isGranted("features.api_keys"));
    }

    @Test
    void aGroupCannotTakeAwayWhatTheDefaultsGrant() {
        PermissionTree group = PermissionTree.of(Map.of("chat", Map.of("file_upload", false)));

        assertTrue(PermissionTree.effective(defaults, List.of(group)).isGranted("chat.file_upload"));
    }

    @Test
    void theMostPermissiveGroupWins() {
        PermissionTree strict = PermissionTree.of(Map.of("workspace", Map.of("models", false)));
        PermissionTree generous = PermissionTree.of(Map.of("workspace", Map.of("models", true)));

        assertTrue(PermissionTree.effective(defaults, List.of(strict, generous)).isGranted("workspace.models"));
        assertTrue(PermissionTree.effective(defaults, List.of(generous, strict)).isGranted("workspace.models"));
    }

    @Test
    void groupsMayAddSwitchesTheDefaultsDoNotKnow() {
        PermissionTree group = PermissionTree.of(Map.of("beta", Map.of("new_editor", true)));

        PermissionTree effective = PermissionTree.effective(defaults, List.of(group));

        assertTrue(effective.isGranted("beta.new_editor"));
        assertTrue(effective.isGranted("chat.controls"));
    }

    @Test
    void missingSwitchesAreFilledFromTheBuiltInDefaults() {
        PermissionTree configured = PermissionTree.of(Map.of("features", Map.of("api_keys", true)));

        PermissionTree filled = configured.filledFrom(defaults);

        assertTrue(filled.isGranted("features.api_keys"));
        assertTrue(filled.isGranted("features.notes"));
        assertTrue(filled.isGranted("chat.controls"));
        assertEquals(defaults.toMap().keySet(), filled.toMap().keySet());
    }

    @Test
    void unknownPathsAreNotGranted() {
        assertFalse(defaults.isGranted("nope.never"));
        assertFalse(defaults.isGranted("chat"));
        assertFalse(defaults.isGranted("chat.controls.deeper"));
    }

    @Test
    void onlyBooleansAndTreesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> PermissionTree.of(Map.of("chat", "yes")));
        assertThrows(IllegalArgumentException.class, () -> PermissionTree.of(Map.of("a.b", true)));
    }

    @Test
    void theMapFormRoundTrips() {
        assertEquals(defaults, PermissionTree.of(defaults.toMap()));
    }
}
