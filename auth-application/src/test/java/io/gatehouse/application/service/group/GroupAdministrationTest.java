package io.gatehouse.application.service.group;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.group.AddGroupMembersUseCase;
import io.gatehouse.application.port.in.group.CreateGroupUseCase;
import io.gatehouse.application.port.in.group.DeleteGroupUseCase;
import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.in.group.ListGroupsUseCase;
import io.gatehouse.application.port.in.group.RemoveGroupMembersUseCase;
import io.gatehouse.application.port.in.group.UpdateGroupUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupAdministrationTest {

    private static final PermissionTree API_KEYS = PermissionTree.of(Map.of("features", Map.of("api_keys", true)));

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void anAdminAndAUser() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    private GroupView create(String name, PermissionTree permissions, FreeFormData data) {
        CreateGroupUseCase.Result result = gatehouse.createGroup.create(new CreateGroupUseCase.Command(admin.user().id(),
                new GroupName(name), "about " + name, permissions, data));
        return assertInstanceOf(CreateGroupUseCase.Result.Created.class, result).group();
    }

    private GroupView create(String name) {
        return create(name, PermissionTree.empty(), FreeFormData.empty());
    }

    private void add(GroupId id, UserId... users) {
        gatehouse.addGroupMembers.add(new AddGroupMembersUseCase.Command(admin.user().id(), id, List.of(users)));
    }

    private boolean bobMay(String permission) {
        return gatehouse.describeSession.describe(gatehouse.principalOf(bob)).permissions().isGranted(permission);
    }

    @Test
    void aNewGroupTakesTheDefaultShareSettingAndAnUniqueName() {
        GroupView devs = create("devs");

        assertEquals(Optional.of(ShareSetting.MEMBERS), devs.group().share());
        assertEquals(admin.user().id(), devs.group().creatorId());
        assertEquals(0, devs.memberCount());
        assertInstanceOf(CreateGroupUseCase.Result.NameTaken.class, gatehouse.createGroup.create(
                new CreateGroupUseCase.Command(admin.user().id(), new GroupName("devs"), "", PermissionTree.empty(),
                        FreeFormData.empty())));
    }

    @Test
    void adminsSeeEveryGroupAndOthersTheirOwn() {
        GroupView devs = create("devs");
        create("ops");
        add(devs.group().id(), bob.user().id());

        assertEquals(Set.of("devs", "ops"), names(gatehouse.listGroups.list(new ListGroupsUseCase.Query(
                gatehouse.principalOf(admin), Optional.empty()))));
        assertEquals(Set.of("devs"), names(gatehouse.listGroups.list(new ListGroupsUseCase.Query(
                gatehouse.principalOf(bob), Optional.empty()))));
    }

    @Test
    void theShareFilterKeepsGroupsThatMayOrMayNotBeSharedTo() {
        create("open", PermissionTree.empty(), new FreeFormData(Map.of("config", Map.of("share", true))));
        create("members");
        create("closed", PermissionTree.empty(), new FreeFormData(Map.of("config", Map.of("share", false))));
        ListGroupsUseCase.Query sharable = new ListGroupsUseCase.Query(gatehouse.principalOf(admin), Optional.of(true));
        ListGroupsUseCase.Query closed = new ListGroupsUseCase.Query(gatehouse.principalOf(admin), Optional.of(false));

        assertEquals(Set.of("open", "members"), names(gatehouse.listGroups.list(sharable)));
        assertEquals(Set.of("closed"), names(gatehouse.listGroups.list(closed)));
    }

    @Test
    void aMembersPermissionsChangeRightAfterTheGroupIsUpdated() {
        GroupView devs = create("devs");
        add(devs.group().id(), bob.user().id());
        assertFalse(bobMay("features.api_keys"));

        UpdateGroupUseCase.Result updated = gatehouse.updateGroup.update(new UpdateGroupUseCase.Command(admin.user().id(),
                devs.group().id(), new GroupName("developers"), "renamed", Optional.of(API_KEYS), Optional.empty()));

        assertInstanceOf(UpdateGroupUseCase.Result.Updated.class, updated);
        assertTrue(bobMay("features.api_keys"), "no new sign-in needed");
        assertEquals("developers", gatehouse.getGroup.get(devs.group().id()).orElseThrow().group().name().value());
    }

    @Test
    void updatingKeepsPermissionsAndDataNotGivenAndRefusesATakenName() {
        GroupView devs = create("devs", API_KEYS, new FreeFormData(Map.of("color", "blue")));
        create("ops");

        UpdateGroupUseCase.Result renamed = gatehouse.updateGroup.update(new UpdateGroupUseCase.Command(admin.user().id(),
                devs.group().id(), new GroupName("devs"), "new words", Optional.empty(), Optional.empty()));
        UpdateGroupUseCase.Result taken = gatehouse.updateGroup.update(new UpdateGroupUseCase.Command(admin.user().id(),
                devs.group().id(), new GroupName("ops"), "", Optional.empty(), Optional.empty()));
        UpdateGroupUseCase.Result unknown = gatehouse.updateGroup.update(new UpdateGroupUseCase.Command(admin.user().id(),
                GroupId.random(), new GroupName("x"), "", Optional.empty(), Optional.empty()));

        GroupView kept = assertInstanceOf(UpdateGroupUseCase.Result.Updated.class, renamed).group();
        assertEquals(API_KEYS, kept.group().permissions());
        assertEquals("blue", kept.group().data().valueAt("color"));
        assertInstanceOf(UpdateGroupUseCase.Result.NameTaken.class, taken);
        assertInstanceOf(UpdateGroupUseCase.Result.NotFound.class, unknown);
    }

    @Test
    void addedMembersAreTheAdminsAndUnknownIdsAreIgnored() {
        GroupView devs = create("devs");

        add(devs.group().id(), bob.user().id(), UserId.random());

        assertEquals(List.of(new Membership(devs.group().id(), bob.user().id(), MembershipSource.ADMIN)),
                gatehouse.groups.membershipsOf(bob.user().id()));
        assertEquals(1, gatehouse.getGroup.get(devs.group().id()).orElseThrow().memberCount());
        assertEquals(List.of(bob.user().id()), gatehouse.exportGroup.export(devs.group().id()).orElseThrow().memberIds());
        assertEquals(List.of("bob@example.org"), gatehouse.listGroupMembers.members(devs.group().id()).orElseThrow()
                .stream().map(User::email).map(Object::toString).collect(Collectors.toList()));
    }

    @Test
    void removingTakesTheMemberOutWhateverBroughtThemIn() {
        GroupView devs = create("devs");
        add(devs.group().id(), bob.user().id());
        gatehouse.groups.addMembers(devs.group().id(), List.of(bob.user().id()), MembershipSource.OAUTH,
                gatehouse.clock.instant());

        gatehouse.removeGroupMembers.remove(new RemoveGroupMembersUseCase.Command(admin.user().id(), devs.group().id(),
                List.of(bob.user().id())));

        assertEquals(List.of(), gatehouse.groups.membershipsOf(bob.user().id()));
    }

    @Test
    void deletingAGroupEndsItsGrants() {
        GroupView devs = create("devs", API_KEYS, FreeFormData.empty());
        add(devs.group().id(), bob.user().id());
        assertTrue(bobMay("features.api_keys"));

        assertTrue(gatehouse.deleteGroup.delete(new DeleteGroupUseCase.Command(admin.user().id(), devs.group().id())));
        assertFalse(gatehouse.deleteGroup.delete(new DeleteGroupUseCase.Command(admin.user().id(), devs.group().id())));

        assertFalse(bobMay("features.api_keys"));
        assertEquals(Optional.empty(), gatehouse.getGroup.get(devs.group().id()));
        assertEquals(Optional.empty(), gatehouse.listGroupMembers.members(devs.group().id()));
    }

    @Test
    void everyChangeIsAudited() {
        GroupView devs = create("devs");
        add(devs.group().id(), bob.user().id());

        List<AuthEvent.GroupChange> changes = gatehouse.events.ofType(AuthEvent.GroupChanged.class).stream()
                .map(AuthEvent.GroupChanged::change).collect(Collectors.toList());
        assertEquals(List.of(AuthEvent.GroupChange.CREATED, AuthEvent.GroupChange.MEMBERS_ADDED), changes);
    }

    private static Set<String> names(List<GroupView> groups) {
        return groups.stream().map(view -> view.group().name().value()).collect(Collectors.toSet());
    }
}
