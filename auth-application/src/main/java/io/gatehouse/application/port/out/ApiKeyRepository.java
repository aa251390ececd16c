package io.gatehouse.application.port.out;

import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/** API keys, stored by digest. A user has at most one key. */
public interface ApiKeyRepository {

    /** Stores the key, replacing the user's previous one if any. */
    void replace(ApiKey key);

    Optional<ApiKey> findByDigest(ApiKeyDigest digest);

    Optional<ApiKey> findByUser(UserId userId);

    /** False when the user had no key. */
    boolean deleteByUser(UserId userId);

    /** Records that the user's key was used at {@code at}. */
    void recordUse(UserId userId, Instant at);
}
