package io.gatehouse.domain.oauth;

import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.role.Role;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which role the provider's roles claim gives (Open WebUI §7.5), decided at every sign-in when management is on:
 * an admin role wins, then an allowed role gives {@code user}, then a pending role gives {@code pending}; a claim that
 * names none of them refuses the sign-in. A missing or empty claim gives the default role, as in Open WebUI, unless
 * {@code failClosed}, which refuses (Open WebUI fails open, #29532). Empty lists simply match nothing, so roles can be
 * gated without admin roles.
 *
 * @param managed      {@code ENABLE_OAUTH_ROLE_MANAGEMENT}
 * @param claim        where the roles are ({@code OAUTH_ROLES_CLAIM}, {@code OAUTH_ROLES_SEPARATOR})
 * @param allowedRoles give {@code user} ({@code OAUTH_ALLOWED_ROLES})
 * @param adminRoles   give {@code admin} ({@code OAUTH_ADMIN_ROLES})
 * @param pendingRoles give {@code pending} ({@code OAUTH_PENDING_ROLES})
 * @param failClosed   refuse when the claim is missing or empty ({@code OAUTH_ROLES_FAIL_CLOSED})
 */
public record RoleMapping(boolean managed, ClaimMapping claim, List<String> allowedRoles, List<String> adminRoles,
                          List<String> pendingRoles, boolean failClosed) {

    public RoleMapping {
        Objects.requireNonNull(claim, "claim");
        allowedRoles = List.copyOf(allowedRoles);
        adminRoles = List.copyOf(adminRoles);
        pendingRoles = List.copyOf(pendingRoles);
    }

    /** Off, with Open WebUI's defaults for when it is switched on. */
    public static RoleMapping off() {
        return new RoleMapping(false, new ClaimMapping("roles", ","), List.of("user", "admin"), List.of("admin"),
                List.of(), false);
    }

    /**
     * The role for this sign-in.
     *
     * @param current     the account's role, empty for a new account
     * @param defaultRole the instance's {@code DEFAULT_USER_ROLE}
     */
    public Decision decide(Map<String, ?> claims, Optional<Role> current, Role defaultRole) {
        if (!managed) {
            return new Decision.Assign(current.orElse(defaultRole));
        }
        List<String> roles = claim.valuesIn(claims).orElse(List.of());
        if (roles.isEmpty()) {
            return failClosed ? new Decision.Refuse() : new Decision.Assign(defaultRole);
        }
        if (roles.stream().anyMatch(adminRoles::contains)) {
            return new Decision.Assign(Role.ADMIN);
        }
        if (roles.stream().anyMatch(allowedRoles::contains)) {
            return new Decision.Assign(Role.USER);
        }
        if (roles.stream().anyMatch(pendingRoles::contains)) {
            return new Decision.Assign(Role.PENDING);
        }
        return new Decision.Refuse();
    }

    /** A role, or a refusal of the sign-in. */
    public sealed interface Decision {
        record Assign(Role role) implements Decision {
            public Assign {
                Objects.requireNonNull(role, "role");
            }
        }

        record Refuse() implements Decision {
        }
    }
}
