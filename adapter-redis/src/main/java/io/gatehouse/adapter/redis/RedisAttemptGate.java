package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.domain.throttle.FailureStreak;
import redis.clients.jedis.UnifiedJedis;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The sign-in gate shared by every instance, over the very hashes of {@link RedisFailureStreaks} and
 * {@link RedisAttemptCounter}: one Lua script reads the streak and the address's failures and, when both let the
 * attempt through, counts it for account and address, so an attempt costs one round trip and is one atomic step.
 *
 * <p>A Redis Cluster refuses a script over keys of different slots, and these keys (kept as they were, so that
 * running instances and existing counts go on working) fall in different slots: there the three steps are made one
 * after another, each atomic on its own, as before the gate existed. When Redis does not answer, the per-instance gate
 * decides instead.
 */
final class RedisAttemptGate implements AttemptGate {

    /**
     * KEYS: the streak, the address's failures, the account-and-address count. ARGV: the current bucket, the streak
     * threshold, the oldest bucket of the failures' window, their limit, the oldest bucket of the attempts' window,
     * the attempts' expiry in seconds. Answers the streak's two fields (nil when there is none), the failures and the
     * attempts counted (-1 when not counted).
     */
    static final LuaScript SCRIPT = new LuaScript(RedisAttemptCounter.WINDOW_FUNCTION + """
            local current = tonumber(ARGV[1])
            local state = redis.call('HMGET', KEYS[1], 'failures', 'last')
            local streak = 0
            if state[1] and state[2] then
              streak = tonumber(state[1])
            else
              state = {false, false}
            end
            local failures = window(KEYS[2], ARGV[1], current, tonumber(ARGV[3]), nil, false)
            local attempts = -1
            if streak < tonumber(ARGV[2]) and failures < tonumber(ARGV[4]) then
              attempts = window(KEYS[3], ARGV[1], current, tonumber(ARGV[5]), ARGV[6], true)
            end
            return {state[1], state[2], failures, attempts}
            """);

    private final Availability redis;
    private final Keys keys;
    private final boolean oneScript;
    private final AttemptGate whenUnreachable;

    /** {@code oneScript}: whether the three keys may be used by one script (not in a cluster). */
    RedisAttemptGate(Availability redis, Keys keys, boolean oneScript, AttemptGate whenUnreachable) {
        this.redis = redis;
        this.keys = keys;
        this.oneScript = oneScript;
        this.whenUnreachable = whenUnreachable;
    }

    @Override
    public Admission admit(Attempt attempt, Instant now) {
        return redis.call(client -> oneScript ? inOneScript(client, attempt, now) : keyByKey(client, attempt, now),
                () -> whenUnreachable.admit(attempt, now));
    }

    private Admission inOneScript(UnifiedJedis client, Attempt attempt, Instant now) {
        List<?> answer = (List<?>) SCRIPT.run(client,
                List.of(keys.failureStreak(attempt.streakKey()), keys.attempts(attempt.failuresKey()),
                        keys.attempts(attempt.attemptsKey())),
                List.of(Long.toString(RedisAttemptCounter.bucketOf(now)), Long.toString(attempt.streakThreshold()),
                        Long.toString(RedisAttemptCounter.oldestBucket(attempt.failures().window(), now)),
                        Long.toString(attempt.failures().limit()),
                        Long.toString(RedisAttemptCounter.oldestBucket(attempt.attemptsWindow(), now)),
                        Long.toString(RedisAttemptCounter.expirySeconds(attempt.attemptsWindow()))));
        FailureStreak streak = RedisFailureStreaks.streakOf((String) answer.get(0), (String) answer.get(1));
        long attempts = (Long) answer.get(3);
        return new Admission(streak, (Long) answer.get(2),
                attempts < 0 ? OptionalLong.empty() : OptionalLong.of(attempts));
    }

    /** The cluster's way: the same three steps, one round trip each, the count only when the first two let it be. */
    private Admission keyByKey(UnifiedJedis client, Attempt attempt, Instant now) {
        FailureStreak streak = RedisFailureStreaks.read(client, keys.failureStreak(attempt.streakKey()));
        long failures = RedisAttemptCounter.run(client, keys.attempts(attempt.failuresKey()),
                attempt.failures().window(), now, false);
        if (!attempt.passes(streak, failures)) {
            return new Admission(streak, failures, OptionalLong.empty());
        }
        return new Admission(streak, failures, OptionalLong.of(RedisAttemptCounter.run(client,
                keys.attempts(attempt.attemptsKey()), attempt.attemptsWindow(), now, true)));
    }
}
