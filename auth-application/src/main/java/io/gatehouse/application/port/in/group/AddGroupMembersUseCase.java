package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin adds members to a group. The memberships are the admin's own ({@code admin} source), so no identity
 * provider sync ever undoes them. Unknown user ids are ignored.
 */
public interface AddGroupMembersUseCase {

    /** The group as it is afterwards; empty when there is no such group. */
    Optional<GroupView> add(Command command);

    record Command(UserId actor, GroupId id, List<UserId> userIds) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            userIds = List.copyOf(userIds);
        }
    }
}
