package io.gatehouse.application.service;

import io.gatehouse.application.fake.InMemorySettingsRepository;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.settings.AuthSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsHolderTest {

    @Test
    void switchesAddedSinceTheTreeWasStoredTakeTheirBuiltInDefaults() {
        InMemorySettingsRepository store = new InMemorySettingsRepository();
        AuthSettings oldTree = TestSettings.authDefaults()
                .withDefaultPermissions(PermissionTree.of(Map.of("features", Map.of("api_keys", true))));
        store.save(oldTree, TestSettings.authDefaults());

        SettingsHolder holder = new SettingsHolder(store, TestSettings.authDefaults());

        assertTrue(holder.current().defaultPermissions().isGranted("features.api_keys"), "the stored switch stays");
        assertTrue(holder.current().defaultPermissions().isGranted("chat.file_upload"), "a missing switch is filled");
    }
}
