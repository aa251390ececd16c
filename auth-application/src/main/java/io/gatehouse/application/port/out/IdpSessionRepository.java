package io.gatehouse.application.port.out;

import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's sessions at identity providers (Open WebUI's {@code oauth_session}, §7.8): the provider's tokens, sealed,
 * one row per single sign-on. They go with the account.
 */
public interface IdpSessionRepository {

    void insert(IdpSession session);

    Optional<IdpSession> findById(String id);

    /** The user's sessions at the provider, newest first. */
    List<IdpSession> findByUser(UserId user, String provider);

    /** The sessions a provider knows by this session id ({@code sid}). */
    List<IdpSession> findByProviderSession(String provider, String providerSessionId);

    /** Replaces the sealed tokens after a refresh; {@code false} when the session is gone. */
    boolean updateTokens(String id, String sealedTokens, Optional<Instant> expiresAt, Instant now);

    boolean delete(String id);

    /** Deletes the user's sessions at the provider; the number deleted. */
    int deleteByUser(UserId user, String provider);

    /** Deletes every session of the user, at every provider; the number deleted. */
    int deleteAllOf(UserId user);

    /**
     * @param providerSessionId the provider's {@code sid} claim, for back-channel logout by session
     * @param sealedTokens      the provider's tokens as {@link TokenSealer} sealed them
     * @param expiresAt         when the access token expires, when the provider said
     */
    record IdpSession(String id, UserId user, String provider, Optional<String> providerSessionId,
                      String sealedTokens, Optional<Instant> expiresAt, Instant createdAt, Instant updatedAt) {
        public IdpSession {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(providerSessionId, "providerSessionId");
            Objects.requireNonNull(sealedTokens, "sealedTokens");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        /** Sealed tokens are still secrets to whoever holds the key: never shown. */
        @Override
        public String toString() {
            return "IdpSession[id=" + id + ", user=" + user + ", provider=" + provider + "]";
        }
    }
}
