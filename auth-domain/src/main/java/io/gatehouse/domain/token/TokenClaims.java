package io.gatehouse.domain.token;

import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token asserts: whose it is ({@code id}), its own id ({@code jti}), when it was issued ({@code iat}), when it
 * expires ({@code exp}, absent for tokens that never expire), its type ({@code typ}) and the user's token version it
 * was issued under ({@code ver}). Roles are never in the token: they are read from the account on every request.
 */
public record TokenClaims(UserId userId, TokenId tokenId, Instant issuedAt, Optional<Instant> expiresAt,
                          TokenType type, int tokenVersion) {

    public TokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Claims for a new token of that type, living as long as {@code lifetime} says. Times are whole seconds, as a JWT
     * carries them, so the claims read back from the encoded token equal these.
     */
    public static TokenClaims issue(UserId userId, TokenType type, int tokenVersion, TokenLifetime lifetime,
                                    Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Optional<Instant> expiresAt = lifetime.expiryFrom(issuedAt).map(expiry -> expiry.truncatedTo(ChronoUnit.SECONDS));
        return new TokenClaims(userId, TokenId.random(), issuedAt, expiresAt, type, tokenVersion);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
