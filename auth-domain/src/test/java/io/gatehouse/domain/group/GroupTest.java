package io.gatehouse.domain.group;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupTest {

    @Test
    void aNewGroupTakesTheDefaultShareSettingUnlessItsDataSaysOtherwise() {
        Group defaulted = Group.create(new GroupName("a"), "", PermissionTree.empty(), FreeFormData.empty(),
                ShareSetting.MEMBERS, UserId.random(), Instant.EPOCH);
        Group explicit = Group.create(new GroupName("b"), "", PermissionTree.empty(),
                new FreeFormData(Map.of("config", Map.of("share", false))), ShareSetting.MEMBERS, UserId.random(),
                Instant.EPOCH);

        assertEquals(Optional.of(ShareSetting.MEMBERS), defaulted.share());
        assertEquals("members", defaulted.data().valueAt("config.share"));
        assertEquals(Optional.of(ShareSetting.NOBODY), explicit.share());
    }

    @Test
    void namesAreTrimmedOnParseAndExactOtherwise() {
        assertEquals(Optional.of(new GroupName("Sales")), GroupName.parse("  Sales "));
        assertTrue(GroupName.parse("   ").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new GroupName(" Sales"));
    }

    @Test
    void freeFormDataIsDeeplyUnmodifiable() {
        FreeFormData data = new FreeFormData(Map.of("a", Map.of("b", 1)));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) data.values().get("a");

        assertThrows(UnsupportedOperationException.class, () -> inner.put("c", 2));
        assertThrows(IllegalArgumentException.class, () -> new FreeFormData(Map.of("x", new Object())));
    }

    @Test
    void shareSettingsParseFromTheEnvironmentForm() {
        assertEquals(Optional.of(ShareSetting.ANYONE), ShareSetting.parse("True"));
        assertEquals(Optional.of(ShareSetting.MEMBERS), ShareSetting.parse("members"));
        assertTrue(ShareSetting.parse("everyone").isEmpty());
    }
}
