package io.gatehouse.application.port.in.oauth;

import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider's access token of a user's session at it, for calling the provider's APIs on the user's behalf (Open
 * WebUI §7.9): refreshed when it expires within five minutes, with at most one refresh of a session in flight (across
 * instances when Redis is configured), so rotating refresh tokens are never spent twice.
 */
public interface GetProviderAccessTokenUseCase {

    /**
     * Empty when the session is not the user's, is gone, or its refresh was refused (the session is then deleted and
     * the user must sign in again).
     */
    Optional<String> accessToken(Query query);

    record Query(UserId user, String idpSessionId) {
        public Query {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(idpSessionId, "idpSessionId");
        }
    }
}
