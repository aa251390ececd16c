package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One key per user in a map; keys of deleted users go with them. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private final Map<UserId, ApiKey> keys = new ConcurrentHashMap<>();

    public InMemoryApiKeyRepository(InMemoryUserRepository users) {
        users.onDelete(keys::remove);
    }

    @Override
    public void replace(ApiKey key) {
        keys.put(key.userId(), key);
    }

    @Override
    public Optional<ApiKey> findByDigest(ApiKeyDigest digest) {
        return keys.values().stream().filter(key -> key.digest().equals(digest)).findFirst();
    }

    @Override
    public Optional<ApiKey> findByUser(UserId userId) {
        return Optional.ofNullable(keys.get(userId));
    }

    @Override
    public boolean deleteByUser(UserId userId) {
        return keys.remove(userId) != null;
    }

    @Override
    public void recordUse(UserId userId, Instant at) {
        keys.computeIfPresent(userId, (id, key) -> new ApiKey(key.userId(), key.digest(), key.hint(), key.createdAt(),
                key.expiresAt(), Optional.of(at)));
    }
}
