/**
 * Redis adapter: what many Gatehouse instances share so that they behave as one. Sign-in counters and failure
 * streaks counted atomically by Lua scripts, and a sign-in's admission over both in one script (one round trip);
 * session revocations written through to Redis over the durable store; an announcement channel for settings changes;
 * short-lived values for login state. Open one {@link
 * io.gatehouse.adapter.redis.Redis} per process from {@link io.gatehouse.adapter.redis.RedisSettings}; everything else
 * is package-private.
 *
 * <p>When Redis cannot be reached, counters fall back to the per-instance implementations they were given, revocation
 * checks rely on the database alone, and the change is logged once; the next successful call after a short pause
 * puts Redis back in use.
 */
package io.gatehouse.adapter.redis;
