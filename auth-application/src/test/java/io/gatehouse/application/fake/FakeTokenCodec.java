package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers the claims of each token it issued under a random opaque string. */
public final class FakeTokenCodec implements TokenCodec {

    private final Map<String, TokenClaims> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeTokenCodec(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EncodedToken encode(TokenClaims claims) {
        String token = "fake-token-" + UUID.randomUUID();
        issued.put(token, claims);
        return new EncodedToken(token);
    }

    @Override
    public Optional<TokenClaims> decode(String presented, TokenType expectedType) {
        return Optional.ofNullable(issued.get(presented))
                .filter(claims -> claims.type() == expectedType)
                .filter(claims -> !claims.isExpiredAt(clock.instant()));
    }
}
