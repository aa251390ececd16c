package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.CreateGroupUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.ShareSetting;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Creates the group with the admin as its creator; a taken name is refused by the store. */
public final class CreateGroupService implements CreateGroupUseCase {

    private final ShareSetting defaultShare;
    private final GroupRepository groups;
    private final GroupViews views;
    private final AuthEvents events;
    private final Clock clock;

    public CreateGroupService(ShareSetting defaultShare, GroupRepository groups, AuthEvents events, Clock clock) {
        this.defaultShare = Objects.requireNonNull(defaultShare, "defaultShare");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result create(Command command) {
        Group group = Group.create(command.name(), command.description(), command.permissions(), command.data(),
                defaultShare, command.actor(), clock.instant());
        if (!groups.insert(group)) {
            return new Result.NameTaken();
        }
        events.publish(new AuthEvent.GroupChanged(group.id(), AuthEvent.GroupChange.CREATED, List.of(), command.actor()));
        return new Result.Created(views.of(group));
    }
}
