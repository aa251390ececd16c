package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/**
 * An admin replaces the default permissions ({@code USER_PERMISSIONS}). Switches the new tree lacks keep their
 * built-in defaults. Every user's next request sees the change.
 */
public interface UpdateDefaultPermissionsUseCase {

    /** The default permissions as stored. */
    PermissionTree update(Command command);

    record Command(UserId actor, PermissionTree permissions) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(permissions, "permissions");
        }
    }
}
