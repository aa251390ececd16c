package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.AddGroupMembersUseCase;
import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.MembershipSource;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Adds memberships of the admin source; the store skips unknown users. */
public final class AddGroupMembersService implements AddGroupMembersUseCase {

    private final GroupRepository groups;
    private final GroupViews views;
    private final AuthEvents events;
    private final Clock clock;

    public AddGroupMembersService(GroupRepository groups, AuthEvents events, Clock clock) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<GroupView> add(Command command) {
        return groups.findById(command.id()).map(group -> {
            groups.addMembers(group.id(), command.userIds(), MembershipSource.ADMIN, clock.instant());
            events.publish(new AuthEvent.GroupChanged(group.id(), AuthEvent.GroupChange.MEMBERS_ADDED,
                    command.userIds(), command.actor()));
            return views.of(group);
        });
    }
}
