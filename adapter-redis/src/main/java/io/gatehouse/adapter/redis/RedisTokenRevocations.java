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
 * (§2.5), which lives as long as the token could (for ever when it never expires), so that an Open WebUI back end
 * checking Gatehouse's tokens sees the sign-out. Gatehouse itself reads revocations from the durable store alone:
 * every instance writes there, a request reads it anyway with the account (one round trip instead of two), and a
 * flush, a failover or an outage of Redis cannot bring a revoked token back.
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
        return durable.isRevoked(tokenId);
    }
}
