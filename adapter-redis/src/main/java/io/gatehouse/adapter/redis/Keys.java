package io.gatehouse.adapter.redis;

import io.gatehouse.domain.token.TokenId;

/** Key and channel names, all under the configured prefix; the token key is Open WebUI's (§2.5). */
final class Keys {

    private final String prefix;

    Keys(String prefix) {
        this.prefix = prefix;
    }

    String revokedToken(TokenId tokenId) {
        return prefix + ":auth:token:" + tokenId.value() + ":revoked";
    }

    /** One hash per counted key holding a count per one-minute bucket, so that a count is one atomic script. */
    String attempts(String key) {
        return prefix + ":ratelimit:" + key;
    }

    String failureStreak(String key) {
        return prefix + ":auth:failures:" + key;
    }

    String shortLived(String key) {
        return prefix + ":auth:ephemeral:" + key;
    }

    String settingsChannel() {
        return prefix + ":auth:settings-changed";
    }
}
