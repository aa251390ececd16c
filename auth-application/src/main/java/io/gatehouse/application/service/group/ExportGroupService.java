package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.ExportGroupUseCase;
import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A group with the ids of its members. */
public final class ExportGroupService implements ExportGroupUseCase {

    private final GroupRepository groups;

    public ExportGroupService(GroupRepository groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    public Optional<GroupExport> export(GroupId id) {
        return groups.findById(id).map(group -> {
            List<UserId> members = List.copyOf(groups.memberIds(id));
            return new GroupExport(new GroupView(group, members.size()), members);
        });
    }
}
