package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.AttemptCounter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Open WebUI's sliding window (§5) shared by every instance: one hash per key holds a count per one-minute bucket, and
 * one Lua script adds to the current bucket, drops buckets older than the window and sums the rest, so an increment
 * and the count it returns are a single atomic step however many instances count at once. The hash expires a window
 * and a bucket after its last increment. When Redis does not answer, the per-instance counter counts instead.
 */
final class RedisAttemptCounter implements AttemptCounter {

    private static final long BUCKET_SECONDS = 60;

    /** KEYS[1] the hash; ARGV: current bucket, oldest bucket in the window, expiry in seconds, "1" to add one. */
    private static final String SCRIPT = """
            local current = tonumber(ARGV[1])
            local oldest = tonumber(ARGV[2])
            local adding = ARGV[4] == '1'
            if adding then
              redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
              redis.call('EXPIRE', KEYS[1], ARGV[3])
            end
            local buckets = redis.call('HGETALL', KEYS[1])
            local sum = 0
            for i = 1, #buckets, 2 do
              local bucket = tonumber(buckets[i])
              if bucket < oldest then
                if adding then redis.call('HDEL', KEYS[1], buckets[i]) end
              elseif bucket <= current then
                sum = sum + tonumber(buckets[i + 1])
              end
            end
            return sum
            """;

    private final Availability redis;
    private final Keys keys;
    private final AttemptCounter whenUnreachable;

    RedisAttemptCounter(Availability redis, Keys keys, AttemptCounter whenUnreachable) {
        this.redis = redis;
        this.keys = keys;
        this.whenUnreachable = whenUnreachable;
    }

    @Override
    public long increment(String key, Duration window, Instant now) {
        return redis.call(client -> run(client, key, window, now, true),
                () -> whenUnreachable.increment(key, window, now));
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        return redis.call(client -> run(client, key, window, now, false),
                () -> whenUnreachable.count(key, window, now));
    }

    private long run(redis.clients.jedis.UnifiedJedis client, String key, Duration window, Instant now, boolean add) {
        long current = Math.floorDiv(now.getEpochSecond(), BUCKET_SECONDS);
        long bucketsBefore = window.toSeconds() / BUCKET_SECONDS;
        long expirySeconds = (bucketsBefore + 1) * BUCKET_SECONDS;
        Object sum = client.eval(SCRIPT, List.of(keys.attempts(key)), List.of(Long.toString(current),
                Long.toString(current - bucketsBefore), Long.toString(expirySeconds), add ? "1" : "0"));
        return (Long) sum;
    }
}
