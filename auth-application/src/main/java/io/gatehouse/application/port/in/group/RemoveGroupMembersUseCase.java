package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin takes members out of a group, whatever brought them in; an identity provider that still lists the group
 * adds them back at their next sign-in. Unknown user ids are ignored.
 */
public interface RemoveGroupMembersUseCase {

    /** The group as it is afterwards; empty when there is no such group. */
    Optional<GroupView> remove(Command command);

    record Command(UserId actor, GroupId id, List<UserId> userIds) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            userIds = List.copyOf(userIds);
        }
    }
}
