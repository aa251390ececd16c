package io.gatehouse.application.port.out;

import io.gatehouse.domain.settings.AuthSettings;

/**
 * The settings admins change at run time (Open WebUI's persistent config, §10.2). The store keeps only values that
 * differ from the defaults (the environment): those override it, everything else follows it. So changing a variable
 * takes effect for every setting nobody changed at run time, instead of being ignored forever after the first save.
 */
public interface SettingsRepository {

    /** The stored values laid over {@code defaults}. */
    AuthSettings load(AuthSettings defaults);

    /** Stores the values of {@code settings} that differ from {@code defaults}, and forgets the others. */
    void save(AuthSettings settings, AuthSettings defaults);
}
