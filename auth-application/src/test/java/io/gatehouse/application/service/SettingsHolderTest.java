package io.gatehouse.application.service;

import io.gatehouse.application.fake.InMemorySettingsRepository;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.settings.AuthSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void aStoredChangeIsAnnouncedAndAnotherInstanceThatReloadsAppliesIt() {
        InMemorySettingsRepository store = new InMemorySettingsRepository();
        AtomicInteger announcements = new AtomicInteger();
        SettingsHolder here = new SettingsHolder(store, TestSettings.authDefaults(), announcements::incrementAndGet);
        SettingsHolder elsewhere = new SettingsHolder(store, TestSettings.authDefaults());

        here.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build());

        assertEquals(1, announcements.get());
        assertTrue(elsewhere.current().signupEnabled(), "not applied before the announcement arrives");
        elsewhere.reload();
        assertFalse(elsewhere.current().signupEnabled());
    }

    @Test
    void aChangeThatCouldNotBeStoredIsNeitherAppliedNorAnnounced() {
        AtomicInteger announcements = new AtomicInteger();
        SettingsRepository failing = new SettingsRepository() {
            @Override
            public AuthSettings load(AuthSettings defaults) {
                return defaults;
            }

            @Override
            public void save(AuthSettings settings, AuthSettings defaults) {
                throw new IllegalStateException("database down");
            }
        };
        SettingsHolder holder = new SettingsHolder(failing, TestSettings.authDefaults(), announcements::incrementAndGet);

        assertThrows(IllegalStateException.class,
                () -> holder.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build()));

        assertTrue(holder.current().signupEnabled());
        assertEquals(0, announcements.get());
    }
}
