package io.gatehouse.domain.group;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipSyncTest {

    private static final UserId USER = UserId.random();
    private final Group admins = group("admins");
    private final Group devs = group("devs");
    private final Group sales = group("sales");
    private final Group tempX = group("temp-x");
    private final List<Group> all = List.of(admins, devs, sales, tempX);

    private final MembershipSync oauth = new MembershipSync(MembershipSource.OAUTH,
            BlockedGroupPatterns.of(List.of("temp-*")), false);

    @Test
    void joinsTheGroupsTheProviderNames() {
        MembershipSync.Plan plan = oauth.plan(Optional.of(List.of("admins", "devs")), all, List.of());

        assertEquals(Set.of(admins.id(), devs.id()), Set.copyOf(plan.join()));
        assertTrue(plan.leave().isEmpty());
    }

    @Test
    void leavesOnlyGroupsOfItsOwnSource() {
        List<Membership> current = List.of(
                new Membership(sales.id(), USER, MembershipSource.OAUTH),
                new Membership(devs.id(), USER, MembershipSource.ADMIN),
                new Membership(admins.id(), USER, MembershipSource.LDAP));

        MembershipSync.Plan plan = oauth.plan(Optional.of(List.of()), all, current);

        assertEquals(List.of(sales.id()), plan.leave());
        assertTrue(plan.join().isEmpty());
    }

    @Test
    void anEmptyListRemovesTheLastGroupToo() {
        MembershipSync.Plan plan = oauth.plan(Optional.of(List.of()), all,
                List.of(new Membership(devs.id(), USER, MembershipSource.OAUTH)));

        assertEquals(List.of(devs.id()), plan.leave());
    }

    @Test
    void anAbsentClaimChangesNothing() {
        MembershipSync.Plan plan = oauth.plan(Optional.empty(), all,
                List.of(new Membership(devs.id(), USER, MembershipSource.OAUTH)));

        assertTrue(plan.changesNothing());
    }

    @Test
    void blockedGroupsAreNeitherJoinedNorLeftNorCreated() {
        MembershipSync creating = new MembershipSync(MembershipSource.OAUTH, BlockedGroupPatterns.of(List.of("temp-*")), true);
        List<Membership> current = List.of(new Membership(tempX.id(), USER, MembershipSource.OAUTH));

        MembershipSync.Plan plan = creating.plan(Optional.of(List.of("temp-y", "devs")), all, current);

        assertEquals(List.of(devs.id()), plan.join());
        assertTrue(plan.createAndJoin().isEmpty(), "temp-y is blocked: never created");
        assertTrue(plan.leave().isEmpty(), "temp-x is blocked: never left");
    }

    @Test
    void missingGroupsAreCreatedOnlyWhenCreationIsOn() {
        MembershipSync creating = new MembershipSync(MembershipSource.LDAP, BlockedGroupPatterns.none(), true);
        MembershipSync notCreating = new MembershipSync(MembershipSource.LDAP, BlockedGroupPatterns.none(), false);

        assertEquals(List.of(new GroupName("ops")), creating.plan(Optional.of(List.of("ops")), all, List.of()).createAndJoin());
        assertTrue(notCreating.plan(Optional.of(List.of("ops")), all, List.of()).changesNothing());
    }

    @Test
    void aMembershipOfAnotherSourceDoesNotStopItsOwnFromBeingAdded() {
        MembershipSync.Plan plan = oauth.plan(Optional.of(List.of("devs")), all,
                List.of(new Membership(devs.id(), USER, MembershipSource.ADMIN)));

        assertEquals(List.of(devs.id()), plan.join());
    }

    @Test
    void alreadyJoinedGroupsAreLeftAlone() {
        MembershipSync.Plan plan = oauth.plan(Optional.of(List.of("devs")), all,
                List.of(new Membership(devs.id(), USER, MembershipSource.OAUTH)));

        assertTrue(plan.changesNothing());
    }

    @Test
    void namesThatCannotBeGroupNamesAreSkipped() {
        MembershipSync creating = new MembershipSync(MembershipSource.OAUTH, BlockedGroupPatterns.none(), true);

        assertTrue(creating.plan(Optional.of(List.of("  ", "x".repeat(300))), all, List.of()).changesNothing());
    }

    private static Group group(String name) {
        return Group.create(new GroupName(name), "", PermissionTree.empty(), FreeFormData.empty(), ShareSetting.MEMBERS,
                USER, Instant.EPOCH);
    }
}
