package io.gatehouse.domain.oauth;

import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.oauth.RoleMapping.Decision;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleMappingTest {

    private static RoleMapping managed(String claim, boolean failClosed, List<String> pending) {
        return new RoleMapping(true, new ClaimMapping(claim, ","), List.of("staff"), List.of("ops-admin"), pending,
                failClosed);
    }

    private static Decision.Assign assign(Role role) {
        return new Decision.Assign(role);
    }

    @Test
    void offTheAccountKeepsItsRoleAndNewOnesGetTheDefault() {
        assertEquals(assign(Role.ADMIN), RoleMapping.off().decide(Map.of("roles", List.of("x")), Optional.of(Role.ADMIN),
                Role.PENDING));
        assertEquals(assign(Role.PENDING), RoleMapping.off().decide(Map.of(), Optional.empty(), Role.PENDING));
    }

    @Test
    void adminRolesWinOverAllowedOnesWhichWinOverPendingOnes() {
        RoleMapping mapping = managed("roles", false, List.of("guest"));

        assertEquals(assign(Role.ADMIN), mapping.decide(Map.of("roles", List.of("staff", "ops-admin")),
                Optional.of(Role.USER), Role.PENDING));
        assertEquals(assign(Role.USER), mapping.decide(Map.of("roles", List.of("guest", "staff")),
                Optional.of(Role.ADMIN), Role.PENDING), "a demotion at the provider holds");
        assertEquals(assign(Role.PENDING), mapping.decide(Map.of("roles", "guest"), Optional.empty(), Role.USER));
        assertEquals(new Decision.Refuse(), mapping.decide(Map.of("roles", List.of("visitor")), Optional.empty(),
                Role.USER));
    }

    @Test
    void rolesAreReadFromNestedFlatDottedAndSeparatedClaims() {
        RoleMapping nested = managed("realm_access.roles", false, List.of());

        assertEquals(assign(Role.ADMIN), nested.decide(Map.of("realm_access", Map.of("roles", List.of("ops-admin"))),
                Optional.empty(), Role.PENDING));
        assertEquals(assign(Role.USER), nested.decide(Map.of("realm_access.roles", List.of("staff")),
                Optional.empty(), Role.PENDING));
        assertEquals(assign(Role.ADMIN), managed("roles", false, List.of()).decide(Map.of("roles", "a, ops-admin"),
                Optional.empty(), Role.PENDING));
    }

    @Test
    void aMissingClaimGivesTheDefaultRoleUnlessRoleManagementFailsClosed() {
        assertEquals(assign(Role.PENDING), managed("roles", false, List.of()).decide(Map.of(), Optional.of(Role.ADMIN),
                Role.PENDING));
        assertEquals(new Decision.Refuse(), managed("roles", true, List.of()).decide(Map.of(), Optional.of(Role.ADMIN),
                Role.PENDING));
        assertEquals(new Decision.Refuse(), managed("roles", true, List.of()).decide(Map.of("roles", List.of()),
                Optional.empty(), Role.PENDING));
    }

    @Test
    void rolesCanBeGatedWithoutAdminRoles() {
        RoleMapping gateOnly = new RoleMapping(true, new ClaimMapping("roles", ","), List.of("staff"), List.of(),
                List.of(), true);

        assertEquals(assign(Role.USER), gateOnly.decide(Map.of("roles", List.of("staff")), Optional.empty(), Role.PENDING));
        assertEquals(new Decision.Refuse(), gateOnly.decide(Map.of("roles", List.of("admin")), Optional.empty(),
                Role.PENDING));
    }
}
