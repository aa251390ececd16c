package io.gatehouse.application.port.out;

import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups and memberships. Group names are unique, enforced by the store. A user may belong to a group through
 * several sources at once; each (group, user, source) is one membership.
 */
public interface GroupRepository {

    List<Group> findAll();

    Optional<Group> findById(GroupId id);

    /** The groups a user belongs to through any source, each once. */
    List<Group> findByMember(UserId userId);

    /** False when another group already has that name. */
    boolean insert(Group group);

    /** Writes name, description, permissions, data and meta of an existing group. */
    SaveOutcome save(Group group);

    /** Deletes the group and its memberships. False when there was no such group. */
    boolean delete(GroupId id);

    /** Every membership of a user, of every source. */
    List<Membership> membershipsOf(UserId userId);

    /** The distinct members of a group. */
    Set<UserId> memberIds(GroupId id);

    /** How many distinct users belong to each group that has members. */
    Map<GroupId, Long> memberCounts();

    /**
     * Adds memberships of that source. Ids of users or groups that do not exist, and memberships that already
     * exist, are skipped.
     */
    void addMembers(GroupId groupId, Collection<UserId> userIds, MembershipSource source, Instant at);

    /** Removes the memberships of those users that came from any of {@code sources}. */
    void removeMembers(GroupId groupId, Collection<UserId> userIds, Collection<MembershipSource> sources);

    /** The permission trees of every group the user belongs to: the request path, so one read. */
    List<PermissionTree> permissionTreesOf(UserId userId);

    /** The result of {@link #save}. */
    enum SaveOutcome {
        SAVED,
        NAME_TAKEN,
        NOT_FOUND
    }
}
