package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/**
 * An admin creates a group. Its {@code data} says who may share to it, or {@code DEFAULT_GROUP_SHARE_PERMISSION}
 * does. Names are unique.
 */
public interface CreateGroupUseCase {

    Result create(Command command);

    record Command(UserId actor, GroupName name, String description, PermissionTree permissions, FreeFormData data) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(data, "data");
        }
    }

    sealed interface Result {
        record Created(GroupView group) implements Result {
        }

        record NameTaken() implements Result {
        }
    }
}
