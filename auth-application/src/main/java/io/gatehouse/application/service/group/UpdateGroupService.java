package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.UpdateGroupUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.GroupRepository.SaveOutcome;
import io.gatehouse.domain.group.Group;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Revises a group; permissions and data stay unless given. */
public final class UpdateGroupService implements UpdateGroupUseCase {

    private final GroupRepository groups;
    private final GroupViews views;
    private final AuthEvents events;
    private final Clock clock;

    public UpdateGroupService(GroupRepository groups, AuthEvents events, Clock clock) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result update(Command command) {
        Optional<Group> current = groups.findById(command.id());
        if (current.isEmpty()) {
            return new Result.NotFound();
        }
        Group group = current.get();
        Group revised = group.revised(command.name(), command.description(),
                command.permissions().orElse(group.permissions()), command.data().orElse(group.data()), clock.instant());
        SaveOutcome outcome = groups.save(revised);
        if (outcome == SaveOutcome.NOT_FOUND) {
            return new Result.NotFound();
        }
        if (outcome == SaveOutcome.NAME_TAKEN) {
            return new Result.NameTaken();
        }
        events.publish(new AuthEvent.GroupChanged(group.id(), AuthEvent.GroupChange.UPDATED, List.of(), command.actor()));
        return new Result.Updated(views.of(revised));
    }
}
