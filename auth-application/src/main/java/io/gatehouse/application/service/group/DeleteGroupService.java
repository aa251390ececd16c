package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.DeleteGroupUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;

import java.util.List;
import java.util.Objects;

/** Deletes the group with its memberships. */
public final class DeleteGroupService implements DeleteGroupUseCase {

    private final GroupRepository groups;
    private final AuthEvents events;

    public DeleteGroupService(GroupRepository groups, AuthEvents events) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public boolean delete(Command command) {
        boolean deleted = groups.delete(command.id());
        if (deleted) {
            events.publish(new AuthEvent.GroupChanged(command.id(), AuthEvent.GroupChange.DELETED, List.of(), command.actor()));
        }
        return deleted;
    }
}
