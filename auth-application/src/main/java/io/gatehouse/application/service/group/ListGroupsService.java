package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.in.group.ListGroupsUseCase;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.user.User;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Every group for admins, their own for others, filtered by whether they may be shared to. */
public final class ListGroupsService implements ListGroupsUseCase {

    private final GroupRepository groups;
    private final GroupViews views;

    public ListGroupsService(GroupRepository groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.views = new GroupViews(groups);
    }

    @Override
    public List<GroupView> list(Query query) {
        User caller = query.caller().user();
        List<Group> visible = caller.isAdmin() ? groups.findAll() : groups.findByMember(caller.id());
        List<Group> filtered = visible.stream()
                .filter(group -> query.share().map(share -> sharable(group) == share).orElse(true))
                .collect(Collectors.toList());
        return views.of(filtered);
    }

    /** Only an explicit "nobody" closes a group to sharing; a group without the setting has the default, members. */
    private static boolean sharable(Group group) {
        return group.share().map(share -> share != ShareSetting.NOBODY).orElse(true);
    }
}
