package io.gatehouse.application.service;

import io.gatehouse.domain.user.User;

import java.util.Objects;

/** Who may hold API keys (Open WebUI §1.13): API keys are on, and the user is an admin or has {@code features.api_keys}. */
public final class ApiKeyPermission {

    private final SettingsHolder settings;
    private final EffectivePermissions permissions;

    public ApiKeyPermission(SettingsHolder settings, EffectivePermissions permissions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    public boolean allows(User user) {
        return settings.current().apiKeysEnabled() && permissions.allows(user, "features.api_keys");
    }
}
