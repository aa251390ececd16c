package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.user.User;

import java.util.Objects;

/** A signed-in user: the account, the session token given to them, its claims, and what they may do. */
public record Session(User user, EncodedToken token, TokenClaims claims, PermissionTree permissions) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(permissions, "permissions");
    }
}
