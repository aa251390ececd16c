package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.user.User;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller of a request, as {@link AuthenticateUseCase} recognised them: the account (read fresh, so its role is
 * current), how they proved it, and the session token's claims when they used one.
 */
public record Principal(User user, Method method, Optional<TokenClaims> sessionClaims) {

    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sessionClaims, "sessionClaims");
    }

    /** How the caller proved who they are. */
    public enum Method {
        SESSION_TOKEN,
        API_KEY
    }
}
