package io.gatehouse.application.service;

import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;

import java.util.List;
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
        return merged(groups.permissionTreesOf(user.id()));
    }

    /** The caller's permissions from the group permissions read with their account: no second read. */
    public PermissionTree of(Principal principal) {
        return merged(principal.groupPermissions());
    }

    /** Admins may do everything; others what their effective permissions grant (their groups' already read). */
    public boolean allows(User user, List<PermissionTree> groupPermissions, String dottedPath) {
        return user.isAdmin() || merged(groupPermissions).isGranted(dottedPath);
    }

    private PermissionTree merged(List<PermissionTree> groupPermissions) {
        return PermissionTree.effective(settings.current().defaultPermissions(), groupPermissions);
    }
}
