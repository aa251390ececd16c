package io.gatehouse.application.service;

import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;

import java.util.Objects;

/** What a user may do now: the default permissions merged with every group's (Open WebUI §3.6). */
public final class EffectivePermissions {

    private final GroupRepository groups;
    private final SettingsHolder settings;

    public EffectivePermissions(GroupRepository groups, SettingsHolder settings) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PermissionTree of(User user) {
        return PermissionTree.effective(settings.current().defaultPermissions(), groups.permissionTreesOf(user.id()));
    }

    /** Admins may do everything; others what their effective permissions grant. */
    public boolean allows(User user, String dottedPath) {
        return user.isAdmin() || of(user).isGranted(dottedPath);
    }
}
