package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Groups with their member counts: one count query for a single group, one for a whole list. */
final class GroupViews {

    private final GroupRepository groups;

    GroupViews(GroupRepository groups) {
        this.groups = groups;
    }

    GroupView of(Group group) {
        return new GroupView(group, groups.memberIds(group.id()).size());
    }

    List<GroupView> of(List<Group> list) {
        Map<GroupId, Long> counts = groups.memberCounts();
        return list.stream().map(group -> new GroupView(group, counts.getOrDefault(group.id(), 0L)))
                .collect(Collectors.toList());
    }
}
