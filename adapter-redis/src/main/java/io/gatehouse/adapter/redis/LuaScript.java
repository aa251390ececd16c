package io.gatehouse.adapter.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so that a call sends the digest instead of the script. Redis loses
 * its script cache on a restart, a failover or {@code SCRIPT FLUSH}; the call that meets {@code NOSCRIPT} sends the
 * script itself ({@code EVAL}), which loads it again for the calls after it. In a cluster each call goes to the node of
 * its first key, and each node loads the script the first time it is asked.
 */
final class LuaScript {

    private final String body;
    private final String sha1;

    LuaScript(String body) {
        this.body = body;
        this.sha1 = sha1Of(body);
    }

    /** The script's answer; one round trip, two when Redis must load the script first. */
    Object run(UnifiedJedis client, List<String> keys, List<String> args) {
        try {
            return client.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notLoaded) {
            return client.eval(body, keys, args);
        }
    }

    /** The digest Redis names the script by: for tests. */
    String sha1() {
        return sha1;
    }

    private static String sha1Of(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every JVM has SHA-1", absent);
        }
    }
}
