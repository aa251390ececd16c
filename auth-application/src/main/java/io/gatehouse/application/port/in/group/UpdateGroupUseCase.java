package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * An admin renames a group, describes it, and replaces its permissions or data when given. Members' permissions
 * change with their next request.
 */
public interface UpdateGroupUseCase {

    Result update(Command command);

    record Command(UserId actor, GroupId id, GroupName name, String description, Optional<PermissionTree> permissions,
                   Optional<FreeFormData> data) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(data, "data");
        }
    }

    sealed interface Result {
        record Updated(GroupView group) implements Result {
        }

        record NotFound() implements Result {
        }

        record NameTaken() implements Result {
        }
    }
}
