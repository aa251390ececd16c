package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Revocations written to the durable store first, then to Open WebUI's key {@code <prefix>:auth:token:<jti>:revoked}
 * (§2.5), which lives as long as the token could (for ever when it never expires). A token found there is refused
 * without asking the database. A token not found there is still looked up in the durable store: Redis replication
 * is asynchronous and a flush, a failover or an outage can lose keys, and none of these may bring a revoked token back.
 */
final class RedisTokenRevocations implements TokenRevocations {

    private final Availability redis;
    private final Keys keys;
    private final TokenRevocations durable;
    private final Clock clock;

    RedisTokenRevocations(Availability redis, Keys keys, TokenRevocations durable, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.durable = durable;
        this.clock = clock;
    }

    @Override
    public void revoke(TokenClaims claims) {
        durable.revoke(claims);
        Optional<Duration> remaining = claims.expiresAt().map(expiry -> Duration.between(clock.instant(), expiry));
        if (remaining.isPresent() && (remaining.get().isNegative() || remaining.get().isZero())) {
            return;     // expired already: refused without any revocation
        }
        SetParams lifetime = remaining.map(left -> SetParams.setParams().px(left.toMillis())).orElseGet(SetParams::new);
        redis.call(client -> client.set(keys.revokedToken(claims.tokenId()), "1", lifetime), () -> "");
    }

    @Override
    public boolean isRevoked(TokenId tokenId) {
        boolean inRedis = redis.call(client -> client.exists(keys.revokedToken(tokenId)), () -> false);
        return inRedis || durable.isRevoked(tokenId);
    }
}
