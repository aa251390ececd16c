package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.GetGroupUseCase;
import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.GroupId;

import java.util.Objects;
import java.util.Optional;

/** One group with its member count. */
public final class GetGroupService implements GetGroupUseCase {

    private final GroupRepository groups;
    private final GroupViews views;

    public GetGroupService(GroupRepository groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
    }

    @Override
    public Optional<GroupView> get(GroupId id) {
        return groups.findById(id).map(views::of);
    }
}
