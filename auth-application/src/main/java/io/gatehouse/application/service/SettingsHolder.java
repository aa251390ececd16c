package io.gatehouse.application.service;

import io.gatehouse.application.port.out.SettingsBroadcast;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings in force, read on every request from memory. Changes go to the store first, then into memory, so a
 * setting is never in force without being stored, and then announced to the other instances, which {@link #reload()}.
 */
public final class SettingsHolder {

    private final SettingsRepository repository;
    private final AuthSettings defaults;
    private final SettingsBroadcast broadcast;
    private volatile AuthSettings current;

    /** Settings of a single instance. */
    public SettingsHolder(SettingsRepository repository, AuthSettings defaults) {
        this(repository, defaults, SettingsBroadcast.NONE);
    }

    public SettingsHolder(SettingsRepository repository, AuthSettings defaults, SettingsBroadcast broadcast) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.current = loaded();
    }

    public AuthSettings current() {
        return current;
    }

    /**
     * Stores and applies a change computed from the settings as stored, so that it does not undo what another
     * instance changed since this one last read them; changes on this instance never interleave.
     */
    public synchronized AuthSettings update(UnaryOperator<AuthSettings> change) {
        AuthSettings changed = change.apply(loaded());
        repository.save(changed, defaults);
        current = changed;
        broadcast.announce();
        return changed;
    }

    /** Reads the stored settings again: another instance changed them. */
    public synchronized void reload() {
        current = loaded();
    }

    /** The stored settings, their default permissions completed with switches added since they were stored. */
    private AuthSettings loaded() {
        AuthSettings stored = repository.load(defaults);
        return stored.withDefaultPermissions(stored.defaultPermissions().filledFrom(DefaultPermissions.openWebUi()));
    }
}
