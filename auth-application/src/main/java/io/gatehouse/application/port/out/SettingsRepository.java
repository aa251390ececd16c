package io.gatehouse.application.port.out;

import io.gatehouse.domain.settings.AuthSettings;

/**
 * The settings admins change at run time (Open WebUI's persistent config, §10.2). Values the store has override
 * the defaults from the environment; values it lacks keep them.
 */
public interface SettingsRepository {

    /** The stored values laid over {@code defaults}. */
    AuthSettings load(AuthSettings defaults);

    /** Stores every value. */
    void save(AuthSettings settings);
}
