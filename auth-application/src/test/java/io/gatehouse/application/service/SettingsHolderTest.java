package io.gatehouse.application.service;

import io.gatehouse.application.fake.InMemorySettingsRepository;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.application.service.SettingsHolder.OAuthPersistence;
import io.gatehouse.domain.oauth.OAuthSettings;
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
        SettingsHolder here = new SettingsHolder(store, TestSettings.authDefaults(), announcements::incrementAndGet,
                OAuthPersistence.PROCESS_LOCAL);
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
        SettingsHolder holder = new SettingsHolder(failing, TestSettings.authDefaults(), announcements::incrementAndGet,
                OAuthPersistence.STORED);

        assertThrows(IllegalStateException.class,
                () -> holder.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build()));

        assertTrue(holder.current().signupEnabled());
        assertEquals(0, announcements.get());
    }

    private static OAuthSettings autoRedirecting(OAuthSettings oauth) {
        return new OAuthSettings(oauth.enabled(), oauth.policy(), oauth.pictures(), true, oauth.groupDefaultShare(),
                oauth.openId(), oauth.clientTimeout(), oauth.refreshTokenIncludeScope());
    }

    private static SettingsHolder instance(InMemorySettingsRepository store, OAuthPersistence persistence) {
        return new SettingsHolder(store, TestSettings.authDefaults(), () -> { }, persistence);
    }

    @Test
    void storedSingleSignOnSettingsReachOtherInstancesAndOutliveARestart() {
        InMemorySettingsRepository store = new InMemorySettingsRepository();
        SettingsHolder here = instance(store, OAuthPersistence.STORED);
        SettingsHolder elsewhere = instance(store, OAuthPersistence.STORED);

        here.update(current -> current.withOAuth(autoRedirecting(current.oauth())));
        elsewhere.reload();

        assertTrue(here.current().oauth().autoRedirect());
        assertTrue(elsewhere.current().oauth().autoRedirect());
        assertTrue(instance(store, OAuthPersistence.STORED).current().oauth().autoRedirect(), "a restart keeps it");
    }

    @Test
    void processLocalSingleSignOnSettingsHoldHereAloneSurviveOtherReloadsAndAreNeverStored() {
        InMemorySettingsRepository store = new InMemorySettingsRepository();
        SettingsHolder here = instance(store, OAuthPersistence.PROCESS_LOCAL);
        SettingsHolder elsewhere = instance(store, OAuthPersistence.PROCESS_LOCAL);

        here.update(current -> current.withOAuth(autoRedirecting(current.oauth())));
        elsewhere.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build());
        here.reload();
        elsewhere.reload();

        assertTrue(here.current().oauth().autoRedirect(), "another instance's change does not undo it");
        assertFalse(here.current().signupEnabled(), "while the other change applies");
        assertFalse(elsewhere.current().oauth().autoRedirect(), "it stays on the instance that took it");
        assertFalse(instance(store, OAuthPersistence.PROCESS_LOCAL).current().oauth().autoRedirect(),
                "a restart starts from the environment");
        assertFalse(instance(store, OAuthPersistence.STORED).current().oauth().autoRedirect(), "nothing was stored");
    }

    @Test
    void singleSignOnSettingsStoredEarlierAreIgnoredWhileProcessLocalAndKeptForLater() {
        InMemorySettingsRepository store = new InMemorySettingsRepository();
        instance(store, OAuthPersistence.STORED).update(current -> current.withOAuth(autoRedirecting(current.oauth())));

        SettingsHolder processLocal = instance(store, OAuthPersistence.PROCESS_LOCAL);
        processLocal.update(current -> AuthSettingsBuilder.from(current).signupEnabled(false).build());

        assertFalse(processLocal.current().oauth().autoRedirect(), "the environment wins at start");
        assertTrue(instance(store, OAuthPersistence.STORED).current().oauth().autoRedirect(),
                "the stored value is still there once persistence is switched on again");
    }
}
