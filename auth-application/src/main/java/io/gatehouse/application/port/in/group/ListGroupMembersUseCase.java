package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.User;

import java.util.List;
import java.util.Optional;

/** The accounts that belong to a group, through any source; empty when there is no such group. */
public interface ListGroupMembersUseCase {

    Optional<List<User>> members(GroupId id);
}
