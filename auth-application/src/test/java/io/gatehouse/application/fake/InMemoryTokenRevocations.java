package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Revoked token ids in a set, kept forever. */
public final class InMemoryTokenRevocations implements TokenRevocations {

    private final Set<TokenId> revoked = ConcurrentHashMap.newKeySet();

    @Override
    public void revoke(TokenClaims claims) {
        revoked.add(claims.tokenId());
    }

    @Override
    public boolean isRevoked(TokenId tokenId) {
        return revoked.contains(tokenId);
    }
}
