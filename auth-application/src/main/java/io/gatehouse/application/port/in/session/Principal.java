package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.user.User;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller of a request, as {@link AuthenticateUseCase} recognised them: the account (read fresh, so its role is
 * current), how they proved it, the session token's claims when they used one, and the permissions of the account's
 * groups, read with the account.
 */
public record Principal(User user, Method method, Optional<TokenClaims> sessionClaims,
                        List<PermissionTree> groupPermissions) {

    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sessionClaims, "sessionClaims");
        groupPermissions = List.copyOf(groupPermissions);
    }

    /** How the caller proved who they are. */
    public enum Method {
        SESSION_TOKEN,
        API_KEY
    }
}
