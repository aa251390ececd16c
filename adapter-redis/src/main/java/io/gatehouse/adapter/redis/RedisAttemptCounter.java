package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.AttemptCounter;
import redis.clients.jedis.UnifiedJedis;

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

    /**
     * The Lua function that counts one key's window, for this script and the sign-in gate's: {@code field} is the
     * current bucket as the hash names it, {@code current} and {@code oldest} the buckets the window spans, and when
     * {@code adding} it adds one to the current bucket, sets the expiry ({@code expiry} seconds) and drops the
     * buckets that left the window.
     */
    static final String WINDOW_FUNCTION = """
            local function window(key, field, current, oldest, expiry, adding)
              if adding then
                redis.call('HINCRBY', key, field, 1)
                redis.call('EXPIRE', key, expiry)
              end
              local buckets = redis.call('HGETALL', key)
              local sum = 0
              for i = 1, #buckets, 2 do
                local bucket = tonumber(buckets[i])
                if bucket < oldest then
                  if adding then redis.call('HDEL', key, buckets[i]) end
                elseif bucket <= current then
                  sum = sum + tonumber(buckets[i + 1])
                end
              end
              return sum
            end
            """;

    /** KEYS[1] the hash; ARGV: current bucket, oldest bucket in the window, expiry in seconds, "1" to add one. */
    static final LuaScript SCRIPT = new LuaScript(WINDOW_FUNCTION + """
            return window(KEYS[1], ARGV[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], ARGV[4] == '1')
            """);

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
        return redis.call(client -> run(client, keys.attempts(key), window, now, true),
                () -> whenUnreachable.increment(key, window, now));
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        return redis.call(client -> run(client, keys.attempts(key), window, now, false),
                () -> whenUnreachable.count(key, window, now));
    }

    /** The count in the window of the hash {@code redisKey}, one added first when {@code add}: one round trip. */
    static long run(UnifiedJedis client, String redisKey, Duration window, Instant now, boolean add) {
        long current = bucketOf(now);
        Object sum = SCRIPT.run(client, List.of(redisKey), List.of(Long.toString(current),
                Long.toString(oldestBucket(window, now)), Long.toString(expirySeconds(window)), add ? "1" : "0"));
        return (Long) sum;
    }

    /** The one-minute bucket {@code now} falls in, as the hashes name their fields. */
    static long bucketOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), BUCKET_SECONDS);
    }

    /** The oldest bucket a window ending at {@code now} still holds: the current one and a window's worth before it. */
    static long oldestBucket(Duration window, Instant now) {
        return bucketOf(now) - window.toSeconds() / BUCKET_SECONDS;
    }

    /** How long a hash lives after its last increment: a window and a bucket. */
    static long expirySeconds(Duration window) {
        return (window.toSeconds() / BUCKET_SECONDS + 1) * BUCKET_SECONDS;
    }
}
