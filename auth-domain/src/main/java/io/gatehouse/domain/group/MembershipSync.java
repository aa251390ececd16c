package io.gatehouse.domain.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an identity provider's group list changes one user's memberships. One rule for OAuth, LDAP and trusted headers:
 * <ul>
 *   <li>only memberships of this sync's {@link MembershipSource} are added or removed; memberships an admin assigned
 *       by hand, or that another source made, stay;</li>
 *   <li>blocked groups are never created, joined or left;</li>
 *   <li>missing groups are created only when creation is on;</li>
 *   <li>an empty list removes every membership of this source (Open WebUI keeps the last group, #7102); an absent
 *       list (the provider sent no groups claim at all) changes nothing.</li>
 * </ul>
 *
 * @param createdGroupShare who may share to the groups this sync creates; empty for the instance's default
 *                          ({@code DEFAULT_GROUP_SHARE_PERMISSION})
 */
public record MembershipSync(MembershipSource source, BlockedGroupPatterns blocked, boolean createMissingGroups,
                             Optional<ShareSetting> createdGroupShare) {

    public MembershipSync {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(createdGroupShare, "createdGroupShare");
    }

    /** A sync whose created groups take the instance's default share setting. */
    public MembershipSync(MembershipSource source, BlockedGroupPatterns blocked, boolean createMissingGroups) {
        this(source, blocked, createMissingGroups, Optional.empty());
    }

    /** The same sync, the groups it creates shared as {@code share} says. */
    public MembershipSync withCreatedGroupShare(ShareSetting share) {
        return new MembershipSync(source, blocked, createMissingGroups, Optional.of(share));
    }

    /**
     * @param providerGroupNames the names the provider sent, or empty when it sent no groups claim
     * @param allGroups          every group of the instance
     * @param userMemberships    every membership the user has now, of any source
     */
    public Plan plan(Optional<? extends Collection<String>> providerGroupNames, Collection<Group> allGroups,
                     Collection<Membership> userMemberships) {
        if (providerGroupNames.isEmpty()) {
            return Plan.NOTHING;
        }
        Set<GroupName> wanted = providerGroupNames.get().stream()
                .map(GroupName::parse)
                .flatMap(Optional::stream)
                .filter(name -> !blocked.isBlocked(name.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<GroupName, Group> groupsByName = new HashMap<>();
        Map<GroupId, Group> groupsById = new HashMap<>();
        for (Group group : allGroups) {
            groupsByName.put(group.name(), group);
            groupsById.put(group.id(), group);
        }
        Set<GroupId> ownMemberships = userMemberships.stream()
                .filter(membership -> membership.source() == source)
                .map(Membership::groupId)
                .collect(Collectors.toSet());

        List<GroupId> join = new ArrayList<>();
        List<GroupName> createAndJoin = new ArrayList<>();
        for (GroupName name : wanted) {
            Group existing = groupsByName.get(name);
            if (existing == null) {
                if (createMissingGroups) {
                    createAndJoin.add(name);
                }
            } else if (!ownMemberships.contains(existing.id())) {
                join.add(existing.id());
            }
        }
        List<GroupId> leave = new ArrayList<>();
        for (GroupId groupId : ownMemberships) {
            Group group = groupsById.get(groupId);
            if (group != null && !wanted.contains(group.name()) && !blocked.isBlocked(group.name().value())) {
                leave.add(groupId);
            }
        }
        return new Plan(createAndJoin, join, leave);
    }

    /** What a sync does: groups to create (and join), existing groups to join, groups to leave. */
    public record Plan(List<GroupName> createAndJoin, List<GroupId> join, List<GroupId> leave) {

        static final Plan NOTHING = new Plan(List.of(), List.of(), List.of());

        public Plan {
            createAndJoin = List.copyOf(createAndJoin);
            join = List.copyOf(join);
            leave = List.copyOf(leave);
        }

        public boolean changesNothing() {
            return createAndJoin.isEmpty() && join.isEmpty() && leave.isEmpty();
        }
    }
}
