package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.GroupRepository.SaveOutcome;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link GroupRepository} does. */
public abstract class GroupRepositoryContract extends StoresContract {

    private GroupRepository groups() {
        return stores.groups();
    }

    private User account(String email) {
        User user = user(email);
        stores.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        return user;
    }

    private Group stored(String name, PermissionTree permissions) {
        Group group = Group.create(new GroupName(name), "about " + name, permissions,
                new FreeFormData(Map.of("custom", List.of(1, "two", true))), ShareSetting.MEMBERS, UserId.random(), T0);
        assertTrue(groups().insert(group));
        return group;
    }

    @Test
    void aGroupReadsBackWithEveryField() {
        PermissionTree permissions = PermissionTree.of(Map.of("features", Map.of("api_keys", true)));
        Group group = stored("Sales, EMEA", permissions);

        Group read = groups().findById(group.id()).orElseThrow();

        assertEquals(group.name(), read.name());
        assertEquals("about Sales, EMEA", read.description());
        assertEquals(permissions, read.permissions());
        assertEquals(group.data(), read.data());
        assertEquals(Optional.of(ShareSetting.MEMBERS), read.share());
        assertEquals(group.meta(), read.meta());
        assertEquals(group.creatorId(), read.creatorId());
        assertEquals(T0, read.createdAt());
        assertEquals(List.of(read), groups().findAll());
        assertEquals(Optional.empty(), groups().findById(GroupId.random()));
    }

    @Test
    void namesAreUniqueAndExact() {
        stored("devs", PermissionTree.empty());

        assertFalse(groups().insert(Group.create(new GroupName("devs"), "", PermissionTree.empty(),
                FreeFormData.empty(), ShareSetting.MEMBERS, UserId.random(), T0)));
        assertTrue(groups().insert(Group.create(new GroupName("Devs"), "", PermissionTree.empty(),
                FreeFormData.empty(), ShareSetting.MEMBERS, UserId.random(), T0)));
        assertEquals(2, groups().findAll().size());
    }

    @Test
    void savingRevisesAGroupAndRefusesATakenName() {
        Group devs = stored("devs", PermissionTree.empty());
        stored("ops", PermissionTree.empty());
        PermissionTree granted = PermissionTree.of(Map.of("chat", Map.of("call", true)));

        assertEquals(SaveOutcome.SAVED, groups().save(devs.revised(new GroupName("developers"), "new", granted,
                FreeFormData.empty(), T0.plusSeconds(9))));
        Group read = groups().findById(devs.id()).orElseThrow();
        assertEquals(new GroupName("developers"), read.name());
        assertEquals(granted, read.permissions());
        assertEquals(T0.plusSeconds(9), read.updatedAt());

        assertEquals(SaveOutcome.NAME_TAKEN, groups().save(read.revised(new GroupName("ops"), "", granted,
                FreeFormData.empty(), T0)));
        assertEquals(SaveOutcome.NOT_FOUND, groups().save(Group.create(new GroupName("ghost"), "",
                PermissionTree.empty(), FreeFormData.empty(), ShareSetting.MEMBERS, UserId.random(), T0)));
    }

    @Test
    void membershipsKeepTheirSource() {
        Group devs = stored("devs", PermissionTree.empty());
        User ann = account("ann@example.org");

        groups().addMembers(devs.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);
        groups().addMembers(devs.id(), List.of(ann.id()), MembershipSource.OAUTH, T0);
        groups().addMembers(devs.id(), List.of(ann.id()), MembershipSource.OAUTH, T0);

        assertEquals(Set.of(new Membership(devs.id(), ann.id(), MembershipSource.ADMIN),
                new Membership(devs.id(), ann.id(), MembershipSource.OAUTH)), Set.copyOf(groups().membershipsOf(ann.id())));
        assertEquals(Set.of(ann.id()), groups().memberIds(devs.id()));
        assertEquals(Map.of(devs.id(), 1L), groups().memberCounts());
        assertEquals(List.of(devs), groups().findByMember(ann.id()));
    }

    @Test
    void unknownUsersAndGroupsAreSkipped() {
        Group devs = stored("devs", PermissionTree.empty());
        User ann = account("ann@example.org");

        groups().addMembers(devs.id(), List.of(ann.id(), UserId.random()), MembershipSource.ADMIN, T0);
        groups().addMembers(GroupId.random(), List.of(ann.id()), MembershipSource.ADMIN, T0);

        assertEquals(Set.of(ann.id()), groups().memberIds(devs.id()));
        assertEquals(1, groups().membershipsOf(ann.id()).size());
    }

    @Test
    void removingTouchesOnlyTheGivenSources() {
        Group devs = stored("devs", PermissionTree.empty());
        User ann = account("ann@example.org");
        User bob = account("bob@example.org");
        groups().addMembers(devs.id(), List.of(ann.id(), bob.id()), MembershipSource.OAUTH, T0);
        groups().addMembers(devs.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);

        groups().removeMembers(devs.id(), List.of(ann.id(), bob.id()), List.of(MembershipSource.OAUTH));

        assertEquals(List.of(new Membership(devs.id(), ann.id(), MembershipSource.ADMIN)), groups().membershipsOf(ann.id()));
        assertEquals(Set.of(ann.id()), groups().memberIds(devs.id()));
    }

    @Test
    void aMemberGetsThePermissionTreesOfTheirGroups() {
        PermissionTree a = PermissionTree.of(Map.of("chat", Map.of("call", true)));
        PermissionTree b = PermissionTree.of(Map.of("features", Map.of("api_keys", true)));
        Group first = stored("first", a);
        Group second = stored("second", b);
        stored("other", PermissionTree.of(Map.of("workspace", Map.of("models", true))));
        User ann = account("ann@example.org");
        groups().addMembers(first.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);
        groups().addMembers(second.id(), List.of(ann.id()), MembershipSource.LDAP, T0);
        groups().addMembers(second.id(), List.of(ann.id()), MembershipSource.OAUTH, T0);

        assertEquals(Set.of(a, b), Set.copyOf(groups().permissionTreesOf(ann.id())));
        assertEquals(2, groups().permissionTreesOf(ann.id()).size());
    }

    @Test
    void deletingAGroupOrAUserDeletesTheirMemberships() {
        Group devs = stored("devs", PermissionTree.empty());
        Group ops = stored("ops", PermissionTree.empty());
        User ann = account("ann@example.org");
        User bob = account("bob@example.org");
        groups().addMembers(devs.id(), List.of(ann.id(), bob.id()), MembershipSource.ADMIN, T0);
        groups().addMembers(ops.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);

        assertTrue(groups().delete(devs.id()));
        assertFalse(groups().delete(devs.id()));
        assertTrue(stores.users().delete(bob.id()));

        assertEquals(List.of(new Membership(ops.id(), ann.id(), MembershipSource.ADMIN)), groups().membershipsOf(ann.id()));
        assertEquals(List.of(), groups().membershipsOf(bob.id()));
        assertEquals(List.of(ops), groups().findAll());
    }
}
