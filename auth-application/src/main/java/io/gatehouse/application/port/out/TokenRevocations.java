package io.gatehouse.application.port.out;

import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;

/**
 * Session tokens revoked one by one (sign-out). Durable: a revocation is kept at least until the token would have
 * expired, and forever for tokens that never expire. Revoking every token of a user at once is the user's token
 * version instead ({@link io.gatehouse.domain.user.User#withTokensRevoked}).
 */
public interface TokenRevocations {

    /** Revokes the token; revoking it again has no further effect. */
    void revoke(TokenClaims claims);

    boolean isRevoked(TokenId tokenId);
}
