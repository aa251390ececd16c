package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A group with the ids of its members, for moving it elsewhere; empty when there is no such group. */
public interface ExportGroupUseCase {

    Optional<GroupExport> export(GroupId id);

    record GroupExport(GroupView group, List<UserId> memberIds) {
        public GroupExport {
            Objects.requireNonNull(group, "group");
            memberIds = List.copyOf(memberIds);
        }
    }
}
