package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;

import java.util.Optional;

/** One group with its member count; empty when there is no such group. */
public interface GetGroupUseCase {

    Optional<GroupView> get(GroupId id);
}
