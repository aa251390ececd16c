package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.ListGroupMembersUseCase;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.User;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The accounts of a group's members. */
public final class ListGroupMembersService implements ListGroupMembersUseCase {

    private final GroupRepository groups;
    private final UserRepository users;

    public ListGroupMembersService(GroupRepository groups, UserRepository users) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Optional<List<User>> members(GroupId id) {
        if (groups.findById(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(groups.memberIds(id).stream().map(users::findById).flatMap(Optional::stream)
                .collect(Collectors.toList()));
    }
}
