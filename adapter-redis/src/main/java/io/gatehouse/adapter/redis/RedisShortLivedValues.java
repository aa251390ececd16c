package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.ShortLivedValues;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Short-lived values as Redis keys with a time to live: {@code SET PX}, {@code SET NX PX} and {@code GETDEL}, each
 * atomic on the server. There is no per-instance fallback: login state started on one instance must be found on
 * another, so an unreachable Redis is an {@link io.gatehouse.application.port.out.InfrastructureException}.
 */
final class RedisShortLivedValues implements ShortLivedValues {

    private final Availability redis;
    private final Keys keys;

    RedisShortLivedValues(Availability redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void put(String key, String value, Duration timeToLive) {
        SetParams params = expiringAfter(timeToLive);
        Objects.requireNonNull(value, "value");
        redis.require(client -> client.set(keys.shortLived(key), value, params));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration timeToLive) {
        SetParams params = expiringAfter(timeToLive).nx();
        Objects.requireNonNull(value, "value");
        return redis.require(client -> "OK".equals(client.set(keys.shortLived(key), value, params)));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.require(client -> client.get(keys.shortLived(key))));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(redis.require(client -> client.getDel(keys.shortLived(key))));
    }

    @Override
    public void remove(String key) {
        redis.require(client -> client.del(keys.shortLived(key)));
    }

    private static SetParams expiringAfter(Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a time to live must be positive");
        }
        return SetParams.setParams().px(Math.max(1, timeToLive.toMillis()));
    }
}
