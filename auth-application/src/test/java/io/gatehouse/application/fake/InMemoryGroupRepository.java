package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Groups and memberships in memory; memberships of deleted users go with them, as the database cascades. */
public final class InMemoryGroupRepository implements GroupRepository {

    private final InMemoryUserRepository users;
    private final Map<GroupId, Group> groups = new LinkedHashMap<>();
    private final Set<Membership> memberships = new LinkedHashSet<>();

    public InMemoryGroupRepository(InMemoryUserRepository users) {
        this.users = users;
        users.onDelete(this::forget);
    }

    private synchronized void forget(UserId userId) {
        memberships.removeIf(membership -> membership.userId().equals(userId));
    }

    @Override
    public synchronized List<Group> findAll() {
        return List.copyOf(groups.values());
    }

    @Override
    public synchronized Optional<Group> findById(GroupId id) {
        return Optional.ofNullable(groups.get(id));
    }

    @Override
    public synchronized List<Group> findByMember(UserId userId) {
        Set<GroupId> ids = memberships.stream().filter(m -> m.userId().equals(userId)).map(Membership::groupId)
                .collect(Collectors.toSet());
        return groups.values().stream().filter(group -> ids.contains(group.id())).collect(Collectors.toList());
    }

    @Override
    public synchronized boolean insert(Group group) {
        if (nameTakenByOther(group)) {
            return false;
        }
        groups.put(group.id(), group);
        return true;
    }

    @Override
    public synchronized SaveOutcome save(Group group) {
        if (!groups.containsKey(group.id())) {
            return SaveOutcome.NOT_FOUND;
        }
        if (nameTakenByOther(group)) {
            return SaveOutcome.NAME_TAKEN;
        }
        groups.put(group.id(), group);
        return SaveOutcome.SAVED;
    }

    private boolean nameTakenByOther(Group group) {
        return groups.values().stream().anyMatch(other -> other.name().equals(group.name()) && !other.id().equals(group.id()));
    }

    @Override
    public synchronized boolean delete(GroupId id) {
        memberships.removeIf(membership -> membership.groupId().equals(id));
        return groups.remove(id) != null;
    }

    @Override
    public synchronized List<Membership> membershipsOf(UserId userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId)).collect(Collectors.toList());
    }

    @Override
    public synchronized Set<UserId> memberIds(GroupId id) {
        return memberships.stream().filter(m -> m.groupId().equals(id)).map(Membership::userId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public synchronized Map<GroupId, Long> memberCounts() {
        Map<GroupId, Long> counts = new LinkedHashMap<>();
        for (GroupId id : groups.keySet()) {
            long count = memberIds(id).size();
            if (count > 0) {
                counts.put(id, count);
            }
        }
        return counts;
    }

    @Override
    public synchronized void addMembers(GroupId groupId, Collection<UserId> userIds, MembershipSource source, Instant at) {
        if (!groups.containsKey(groupId)) {
            return;
        }
        for (UserId userId : userIds) {
            if (users.findById(userId).isPresent()) {
                memberships.add(new Membership(groupId, userId, source));
            }
        }
    }

    @Override
    public synchronized void removeMembers(GroupId groupId, Collection<UserId> userIds,
                                           Collection<MembershipSource> sources) {
        memberships.removeIf(m -> m.groupId().equals(groupId) && userIds.contains(m.userId())
                && sources.contains(m.source()));
    }

    @Override
    public synchronized List<PermissionTree> permissionTreesOf(UserId userId) {
        List<PermissionTree> trees = new ArrayList<>();
        for (Group group : findByMember(userId)) {
            trees.add(group.permissions());
        }
        return trees;
    }
}
