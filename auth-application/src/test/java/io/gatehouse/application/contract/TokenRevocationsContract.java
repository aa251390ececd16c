package io.gatehouse.application.contract;

import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static io.gatehouse.application.fake.TestUsers.T0;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link io.gatehouse.application.port.out.TokenRevocations} does. */
public abstract class TokenRevocationsContract extends StoresContract {

    private static TokenClaims claims(String lifetime) {
        return TokenClaims.issue(UserId.random(), TokenType.SESSION, 0, TokenLifetime.parse(lifetime).orElseThrow(), T0);
    }

    @Test
    void aRevokedTokenStaysRevokedAndOthersDoNot() {
        TokenClaims revoked = claims("1h");

        stores.revocations().revoke(revoked);
        stores.revocations().revoke(revoked);

        assertTrue(stores.revocations().isRevoked(revoked.tokenId()));
        assertFalse(stores.revocations().isRevoked(TokenId.random()));
    }

    @Test
    void tokensThatNeverExpireCanBeRevoked() {
        TokenClaims forever = claims("-1");

        stores.revocations().revoke(forever);

        assertTrue(stores.revocations().isRevoked(forever.tokenId()));
    }
}
