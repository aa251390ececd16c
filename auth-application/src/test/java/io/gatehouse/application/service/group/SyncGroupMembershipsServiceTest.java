package io.gatehouse.application.service.group;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.group.BlockedGroupPatterns;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncGroupMembershipsServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;
    private Group devs;
    private Group sales;

    @BeforeEach
    void groupsAndAMember() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        devs = stored("devs");
        sales = stored("sales");
    }

    private Group stored(String name) {
        Group group = Group.create(new GroupName(name), "", PermissionTree.empty(), FreeFormData.empty(),
                ShareSetting.MEMBERS, admin.user().id(), gatehouse.clock.instant());
        gatehouse.groups.insert(group);
        return group;
    }

    private SyncGroupMembershipsUseCase.Result sync(boolean create, Optional<List<String>> names, String... blocked) {
        MembershipSync rules = new MembershipSync(MembershipSource.OAUTH, BlockedGroupPatterns.of(List.of(blocked)), create);
        return gatehouse.syncGroupMemberships.sync(new SyncGroupMembershipsUseCase.Command(bob.user().id(), rules, names));
    }

    private Set<Membership> bobsMemberships() {
        return Set.copyOf(gatehouse.groups.membershipsOf(bob.user().id()));
    }

    @Test
    void joinsAndLeavesOnlyItsOwnSourceAndKeepsManualMemberships() {
        gatehouse.groups.addMembers(sales.id(), List.of(bob.user().id()), MembershipSource.ADMIN, gatehouse.clock.instant());
        sync(false, Optional.of(List.of("sales", "devs")));

        sync(false, Optional.of(List.of()));

        assertEquals(Set.of(new Membership(sales.id(), bob.user().id(), MembershipSource.ADMIN)), bobsMemberships(),
                "the admin's membership stays; an empty list leaves every group of the source");
    }

    @Test
    void missingGroupsAreCreatedWithoutGrantsAndCreditedToThePrimaryAdmin() {
        SyncGroupMembershipsUseCase.Result result = sync(true, Optional.of(List.of("ops")));

        Group ops = gatehouse.groups.findAll().stream().filter(g -> g.name().value().equals("ops")).findFirst().orElseThrow();
        assertEquals(List.of(new GroupName("ops")), result.created());
        assertEquals(List.of(ops.id()), result.joined());
        assertEquals(PermissionTree.empty(), ops.permissions());
        assertEquals(admin.user().id(), ops.creatorId());
        assertEquals(Set.of(new Membership(ops.id(), bob.user().id(), MembershipSource.OAUTH)), bobsMemberships());
    }

    @Test
    void blockedGroupsAreNotCreatedAndAnAbsentClaimChangesNothing() {
        sync(true, Optional.of(List.of("devs", "temp-1")), "temp-*");
        Set<Membership> before = bobsMemberships();

        SyncGroupMembershipsUseCase.Result absent = sync(true, Optional.empty());

        assertEquals(Set.of(new Membership(devs.id(), bob.user().id(), MembershipSource.OAUTH)), before);
        assertTrue(gatehouse.groups.findAll().stream().noneMatch(g -> g.name().value().startsWith("temp-")));
        assertEquals(before, bobsMemberships());
        assertEquals(List.of(), absent.joined());
    }

    @Test
    void aGroupCreatedConcurrentlyIsJoinedInstead() {
        List<Group> beforeTheRace = gatehouse.groups.findAll();
        Group raced = stored("ops");
        GroupRepository racing = firstListingFrom(beforeTheRace);
        MembershipSync rules = new MembershipSync(MembershipSource.LDAP, BlockedGroupPatterns.none(), true);

        SyncGroupMembershipsUseCase.Result result = new SyncGroupMembershipsService(ShareSetting.MEMBERS, racing,
                gatehouse.users, gatehouse.events, gatehouse.clock)
                .sync(new SyncGroupMembershipsUseCase.Command(bob.user().id(), rules, Optional.of(List.of("ops"))));

        assertEquals(List.of(), result.created(), "the name was taken by the time the sync inserted");
        assertEquals(List.of(raced.id()), result.joined());
        assertEquals(Set.of(new Membership(raced.id(), bob.user().id(), MembershipSource.LDAP)), bobsMemberships());
    }

    /** The groups, except that the first listing shows them as they were before a concurrent sign-in made one. */
    private GroupRepository firstListingFrom(List<Group> earlier) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (GroupRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{GroupRepository.class},
                (proxy, method, args) -> method.getName().equals("findAll") && first.getAndSet(false)
                        ? earlier : method.invoke(gatehouse.groups, args));
    }

    @Test
    void aSyncThatChangesSomethingIsAudited() {
        sync(false, Optional.of(List.of("devs")));
        sync(false, Optional.of(List.of("devs")));

        List<AuthEvent.MembershipsSynced> synced = gatehouse.events.ofType(AuthEvent.MembershipsSynced.class);
        assertEquals(1, synced.size());
        assertEquals(List.of(devs.id()), synced.get(0).joined());
        assertEquals(Set.of(devs.id()), synced.stream().flatMap(s -> s.joined().stream()).collect(Collectors.toSet()));
    }
}
