package io.gatehouse.application.service;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;

import java.util.List;
import java.util.Objects;

/** Who may hold API keys (Open WebUI §1.13): API keys are on, and the user is an admin or has {@code features.api_keys}. */
public final class ApiKeyPermission {

    private static final String FEATURE = "features.api_keys";

    private final SettingsHolder settings;
    private final EffectivePermissions permissions;

    public ApiKeyPermission(SettingsHolder settings, EffectivePermissions permissions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    /** Whether API keys are on and the user may use them, with the permissions of the user's groups already read. */
    public boolean allows(User user, List<PermissionTree> groupPermissions) {
        return settings.current().apiKeysEnabled() && permissions.allows(user, groupPermissions, FEATURE);
    }
}
