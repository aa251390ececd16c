package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.FailureStreak;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Consecutive failures per key shared by every instance: a hash of the count and the last failure's time, updated by
 * one Lua script, expiring once the streak would be forgotten anyway. When Redis does not answer, the per-instance
 * streaks are used instead.
 */
final class RedisFailureStreaks implements FailureStreaks {

    /** KEYS[1] the hash; ARGV: now and forget-after, in milliseconds. A streak is over once now >= last + forget. */
    static final LuaScript RECORD = new LuaScript("""
            local now = tonumber(ARGV[1])
            local forget = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'failures', 'last')
            local failures = 1
            if state[1] and state[2] and now < tonumber(state[2]) + forget then
              failures = tonumber(state[1]) + 1
            end
            redis.call('HSET', KEYS[1], 'failures', failures, 'last', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return failures
            """);

    private final Availability redis;
    private final Keys keys;
    private final FailureStreaks whenUnreachable;

    RedisFailureStreaks(Availability redis, Keys keys, FailureStreaks whenUnreachable) {
        this.redis = redis;
        this.keys = keys;
        this.whenUnreachable = whenUnreachable;
    }

    @Override
    public FailureStreak current(String key) {
        return redis.call(client -> read(client, keys.failureStreak(key)), () -> whenUnreachable.current(key));
    }

    /** The streak held in the hash {@code redisKey}: one round trip. */
    static FailureStreak read(UnifiedJedis client, String redisKey) {
        List<String> state = client.hmget(redisKey, "failures", "last");
        return streakOf(state.get(0), state.get(1));
    }

    /** A streak from the hash's two fields as Redis holds them; either missing is no streak. */
    static FailureStreak streakOf(String failures, String lastFailureMillis) {
        if (failures == null || lastFailureMillis == null) {
            return FailureStreak.NONE;
        }
        return new FailureStreak(Long.parseLong(failures),
                Optional.of(Instant.ofEpochMilli(Long.parseLong(lastFailureMillis))));
    }

    @Override
    public FailureStreak recordFailure(String key, Instant now, Duration forgetAfter) {
        return redis.call(client -> {
            Object failures = RECORD.run(client, List.of(keys.failureStreak(key)),
                    List.of(Long.toString(now.toEpochMilli()), Long.toString(Math.max(1, forgetAfter.toMillis()))));
            return new FailureStreak((Long) failures, Optional.of(now));
        }, () -> whenUnreachable.recordFailure(key, now, forgetAfter));
    }

    @Override
    public void clear(String key) {
        // Both: a success must also end a streak counted here while Redis was away.
        whenUnreachable.clear(key);
        redis.call(client -> client.del(keys.failureStreak(key)), () -> 0L);
    }
}
