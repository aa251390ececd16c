package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.application.fake.MutableClock;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static io.gatehouse.application.fake.TestUsers.T0;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revocations are kept while their token could still be presented, and purged at most once an hour after. */
class TokenRevocationPurgeTest {

    private static TokenClaims issued(String lifetime, Instant at) {
        return TokenClaims.issue(UserId.random(), TokenType.SESSION, 0, TokenLifetime.parse(lifetime).orElseThrow(), at);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRevocationOutlivingItsTokenIsPurgedWhileOthersStay(TestDatabase database) {
        MutableClock clock = new MutableClock(T0);
        try (JdbiPersistence persistence = database.openEmpty(clock)) {
            TokenRevocations revocations = persistence.tokenRevocations();
            TokenClaims expiresSoon = issued("1h", T0);
            TokenClaims expiresTomorrow = issued("1d", T0);
            TokenClaims neverExpires = issued("-1", T0);
            revocations.revoke(expiresSoon);
            revocations.revoke(expiresTomorrow);
            revocations.revoke(neverExpires);

            clock.advance(Duration.ofHours(2));
            revocations.revoke(issued("1h", clock.instant()));

            assertFalse(revocations.isRevoked(expiresSoon.tokenId()));
            assertTrue(revocations.isRevoked(expiresTomorrow.tokenId()));
            assertTrue(revocations.isRevoked(neverExpires.tokenId()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgingHappensAtMostOnceAnHour(TestDatabase database) {
        MutableClock clock = new MutableClock(T0);
        try (JdbiPersistence persistence = database.openEmpty(clock)) {
            TokenRevocations revocations = persistence.tokenRevocations();
            TokenClaims shortLived = issued("10m", T0);
            revocations.revoke(shortLived);

            clock.advance(Duration.ofMinutes(50));
            revocations.revoke(issued("1h", clock.instant()));
            assertTrue(revocations.isRevoked(shortLived.tokenId()));

            clock.advance(Duration.ofMinutes(10));
            revocations.revoke(issued("1h", clock.instant()));
            assertFalse(revocations.isRevoked(shortLived.tokenId()));
        }
    }
}
