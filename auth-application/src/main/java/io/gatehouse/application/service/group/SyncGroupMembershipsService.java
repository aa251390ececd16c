package io.gatehouse.application.service.group;

import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries out a {@link MembershipSync} plan. Groups it creates grant nothing beyond the defaults until an admin gives
 * them permissions, take the sync's share setting (OAuth's {@code OAUTH_GROUP_DEFAULT_SHARE}) or else the instance's
 * default, and are credited to the primary admin.
 */
public final class SyncGroupMembershipsService implements SyncGroupMembershipsUseCase {

    private final ShareSetting defaultShare;
    private final GroupRepository groups;
    private final UserRepository users;
    private final AuthEvents events;
    private final Clock clock;

    public SyncGroupMembershipsService(ShareSetting defaultShare, GroupRepository groups, UserRepository users,
                                       AuthEvents events, Clock clock) {
        this.defaultShare = Objects.requireNonNull(defaultShare, "defaultShare");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.users = Objects.requireNonNull(users, "users");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result sync(Command command) {
        MembershipSource source = command.rules().source();
        MembershipSync.Plan plan = command.rules().plan(command.providerGroupNames(), groups.findAll(),
                groups.membershipsOf(command.userId()));
        if (plan.changesNothing()) {
            return new Result(List.of(), List.of(), List.of());
        }
        Instant now = clock.instant();
        List<GroupId> joined = new ArrayList<>(plan.join());
        List<GroupName> created = new ArrayList<>();
        for (GroupName name : plan.createAndJoin()) {
            Group group = Group.create(name, "Group '" + name + "' created automatically via "
                            + source.storedName().toUpperCase(Locale.ROOT) + ".", PermissionTree.empty(),
                    FreeFormData.empty(), command.rules().createdGroupShare().orElse(defaultShare),
                    creator(command.userId()), now);
            if (groups.insert(group)) {
                created.add(name);
                joined.add(group.id());
            } else {
                // made by a concurrent sign-in since the plan was drawn: join that one
                existing(name).ifPresent(joined::add);
            }
        }
        for (GroupId id : joined) {
            groups.addMembers(id, List.of(command.userId()), source, now);
        }
        for (GroupId id : plan.leave()) {
            groups.removeMembers(id, List.of(command.userId()), List.of(source));
        }
        events.publish(new AuthEvent.MembershipsSynced(command.userId(), source, joined, plan.leave()));
        return new Result(created, joined, plan.leave());
    }

    private UserId creator(UserId member) {
        return users.findEarliest().map(User::id).orElse(member);
    }

    private Optional<GroupId> existing(GroupName name) {
        return groups.findAll().stream().filter(group -> group.name().equals(name)).map(Group::id).findFirst();
    }
}
