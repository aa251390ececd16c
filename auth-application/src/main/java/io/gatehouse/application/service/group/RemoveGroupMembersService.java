package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.in.group.RemoveGroupMembersUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.MembershipSource;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/** Removes the users' memberships of every source: an admin taking someone out means out. */
public final class RemoveGroupMembersService implements RemoveGroupMembersUseCase {

    private final GroupRepository groups;
    private final GroupViews views;
    private final AuthEvents events;

    public RemoveGroupMembersService(GroupRepository groups, AuthEvents events) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Optional<GroupView> remove(Command command) {
        return groups.findById(command.id()).map(group -> {
            groups.removeMembers(group.id(), command.userIds(), EnumSet.allOf(MembershipSource.class));
            events.publish(new AuthEvent.GroupChanged(group.id(), AuthEvent.GroupChange.MEMBERS_REMOVED,
                    command.userIds(), command.actor()));
            return views.of(group);
        });
    }
}
