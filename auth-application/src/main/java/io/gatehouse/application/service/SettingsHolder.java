package io.gatehouse.application.service;

import io.gatehouse.application.port.out.SettingsBroadcast;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings in force, read on every request from memory. Changes go to the store first, then into memory, so a
 * setting is never in force without being stored, and then announced to the other instances, which {@link #reload()}.
 *
 * <p>Single sign-on settings are the exception Open WebUI makes ({@code ENABLE_OAUTH_PERSISTENT_CONFIG}): unless they
 * are {@link OAuthPersistence#STORED}, the environment's win at start, and changes to them are kept in this instance's
 * memory only. They are then never written, never read back from the store, and survive the reloads other changes
 * cause; what was stored earlier stays untouched for when persistence is switched on again.
 */
public final class SettingsHolder {

    /** Whether admin changes to the single sign-on settings are stored ({@code ENABLE_OAUTH_PERSISTENT_CONFIG}). */
    public enum OAuthPersistence {
        /** Stored values win over the environment, and changes reach every instance through the store. */
        STORED,
        /** The environment wins at start; changes hold on the instance that took them, until it stops. */
        PROCESS_LOCAL
    }

    private final SettingsRepository repository;
    private final AuthSettings defaults;
    private final SettingsBroadcast broadcast;
    private final OAuthPersistence oauthPersistence;
    /** The single sign-on settings in force when they are process-local; guarded by this. */
    private OAuthSettings processLocalOAuth;
    private volatile AuthSettings current;

    /** Settings of a single instance, single sign-on settings process-local as Open WebUI's default. */
    public SettingsHolder(SettingsRepository repository, AuthSettings defaults) {
        this(repository, defaults, SettingsBroadcast.NONE, OAuthPersistence.PROCESS_LOCAL);
    }

    public SettingsHolder(SettingsRepository repository, AuthSettings defaults, SettingsBroadcast broadcast,
                          OAuthPersistence oauthPersistence) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.oauthPersistence = Objects.requireNonNull(oauthPersistence, "oauthPersistence");
        this.processLocalOAuth = defaults.oauth();
        this.current = inForce(stored());
    }

    public AuthSettings current() {
        return current;
    }

    /** Whether single sign-on settings are stored, or kept by this instance alone. */
    public OAuthPersistence oauthPersistence() {
        return oauthPersistence;
    }

    /**
     * Stores and applies a change computed from the settings as stored, so that it does not undo what another
     * instance changed since this one last read them; changes on this instance never interleave. A change that
     * throws changes nothing.
     */
    public synchronized AuthSettings update(UnaryOperator<AuthSettings> change) {
        AuthSettings stored = stored();
        AuthSettings changed = change.apply(inForce(stored));
        boolean oauthStored = oauthPersistence == OAuthPersistence.STORED;
        // process-local single sign-on settings are written back as they were stored, so the store keeps them as is
        repository.save(oauthStored ? changed : changed.withOAuth(stored.oauth()), defaults);
        if (!oauthStored) {
            processLocalOAuth = changed.oauth();
        }
        current = changed;
        broadcast.announce();
        return changed;
    }

    /** Reads the stored settings again: another instance changed them. */
    public synchronized void reload() {
        current = inForce(stored());
    }

    /** The stored settings, their default permissions completed with switches added since they were stored. */
    private AuthSettings stored() {
        AuthSettings stored = repository.load(defaults);
        return stored.withDefaultPermissions(stored.defaultPermissions().filledFrom(DefaultPermissions.openWebUi()));
    }

    private synchronized AuthSettings inForce(AuthSettings stored) {
        return oauthPersistence == OAuthPersistence.STORED ? stored : stored.withOAuth(processLocalOAuth);
    }
}
