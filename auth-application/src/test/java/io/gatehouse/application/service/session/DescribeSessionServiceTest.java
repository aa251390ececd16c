package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase.SessionInfo;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescribeSessionServiceTest {

    @Test
    void aUserWithoutGroupsHasTheDefaultPermissions() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);

        SessionInfo info = gatehouse.describeSession.describe(gatehouse.principalOf(bob));

        assertEquals(bob.user().id(), info.user().id());
        assertEquals(DefaultPermissions.openWebUi(), info.permissions());
    }

    @Test
    void aGroupAddsItsGrantsAndCannotTakeAwayWhatTheDefaultsGive() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        Group group = Accounts.group(gatehouse, "writers", PermissionTree.of(Map.of(
                "features", Map.of("api_keys", true),
                "chat", Map.of("file_upload", false))));
        gatehouse.groups.addMembers(group.id(), List.of(bob.user().id()), MembershipSource.ADMIN,
                gatehouse.clock.instant());

        PermissionTree permissions = gatehouse.describeSession.describe(gatehouse.principalOf(bob)).permissions();

        assertTrue(permissions.isGranted("features.api_keys"));
        assertTrue(permissions.isGranted("chat.file_upload"));
        assertFalse(permissions.isGranted("workspace.models"));
    }
}
