package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/** An admin deletes a group and its memberships; its permissions stop applying at once. */
public interface DeleteGroupUseCase {

    /** False when there was no such group. */
    boolean delete(Command command);

    record Command(UserId actor, GroupId id) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
        }
    }
}
