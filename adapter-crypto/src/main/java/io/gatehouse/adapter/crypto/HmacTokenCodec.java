package io.gatehouse.adapter.crypto;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens as HS256 JWTs (Open WebUI §2.1), through java-jwt. The payload holds Open WebUI's {@code id},
 * {@code jti}, {@code iat} and, for tokens that expire, {@code exp}; plus {@code typ}, the {@link TokenType}, so one
 * kind of token cannot be replayed as another, and {@code ver}, the user's token version it was issued under.
 *
 * <p>Decoding accepts HS256 only: a token signed with HS384 or HS512 under the same key, or marked {@code alg: none},
 * is refused, as is one whose {@code exp} has passed on the injected clock (no leeway), whose {@code typ} is not the
 * expected one, or that lacks a claim. java-jwt also refuses an {@code iat} later than the clock's now, so instances
 * sharing a key need synchronised clocks. Open WebUI's own tokens lack {@code typ} and {@code ver}, so they are
 * refused too: users imported from it sign in again. Thread-safe. The key never leaves the java-jwt
 * {@link Algorithm}.
 *
 * <p>Every authenticated request decodes its token, and verifying one (Base64, JSON, HMAC) is most of what that costs.
 * So the claims of the last {@value #REMEMBERED} tokens verified are remembered per type, keyed by the whole token: a
 * token seen again is compared as text and its times checked against the clock, as java-jwt checks them. Only tokens
 * that passed verification are remembered, so nothing presented can fill the memory but tokens this key signed.
 */
public final class HmacTokenCodec implements TokenCodec {

    /** HS256 keys shorter than the hash output (RFC 7518 §3.2) are refused. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String USER_ID = "id";
    private static final String TYPE = "typ";
    private static final String TOKEN_VERSION = "ver";

    /** How many verified tokens of each type are remembered. */
    public static final int REMEMBERED = 4096;

    private final Algorithm algorithm;
    private final Clock clock;
    private final Map<TokenType, JWTVerifier> verifiers = new EnumMap<>(TokenType.class);
    private final Map<TokenType, Map<String, TokenClaims>> verified = new EnumMap<>(TokenType.class);

    /**
     * @param key   the signing key ({@code WEBUI_SECRET_KEY}'s bytes), at least {@value #MIN_KEY_BYTES} bytes; copied
     * @param clock what expiry is judged against
     * @throws IllegalArgumentException when the key is too short
     */
    public HmacTokenCodec(byte[] key, Clock clock) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token signing key needs at least " + MIN_KEY_BYTES
                    + " bytes (256 bits) for HS256; this one has " + key.length);
        }
        this.algorithm = Algorithm.HMAC256(key);
        this.clock = clock;
        for (TokenType type : TokenType.values()) {
            verified.put(type, new ConcurrentHashMap<>());
            // Requiring HS256 makes java-jwt refuse any other "alg" in the header, "none" included.
            JWTVerifier.BaseVerification verification =
                    (JWTVerifier.BaseVerification) JWT.require(algorithm).withClaim(TYPE, type.claimValue());
            verifiers.put(type, verification.build(clock));
        }
    }

    @Override
    public EncodedToken encode(TokenClaims claims) {
        JWTCreator.Builder builder = JWT.create()
                .withClaim(USER_ID, claims.userId().value())
                .withJWTId(claims.tokenId().value())
                .withIssuedAt(claims.issuedAt())
                .withClaim(TYPE, claims.type().claimValue())
                .withClaim(TOKEN_VERSION, claims.tokenVersion());
        claims.expiresAt().ifPresent(builder::withExpiresAt);
        return new EncodedToken(builder.sign(algorithm));
    }

    @Override
    public Optional<TokenClaims> decode(String presented, TokenType expectedType) {
        Map<String, TokenClaims> remembered = verified.get(expectedType);
        TokenClaims seen = remembered.get(presented);
        if (seen != null) {
            return stillValid(seen, clock.instant()) ? Optional.of(seen) : Optional.empty();
        }
        DecodedJWT jwt;
        try {
            jwt = verifiers.get(expectedType).verify(presented);
        } catch (JWTVerificationException refused) {
            return Optional.empty();
        }
        Optional<TokenClaims> claims = claimsOf(jwt, expectedType);
        claims.ifPresent(valid -> remember(remembered, presented, valid));
        return claims;
    }

    /** How many verified tokens are remembered now, over every type. */
    int rememberedTokens() {
        return verified.values().stream().mapToInt(Map::size).sum();
    }

    /** java-jwt's time checks, without leeway: not yet expired, not issued in the future. */
    private static boolean stillValid(TokenClaims claims, Instant now) {
        return claims.expiresAt().map(now::isBefore).orElse(true) && !claims.issuedAt().isAfter(now);
    }

    /** Starts over when full: simpler than evicting one by one, and the busy tokens come back at their next use. */
    private static void remember(Map<String, TokenClaims> remembered, String token, TokenClaims claims) {
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, claims);
    }

    /** The claims of a verified token, or empty when one is missing or not of its type. */
    private static Optional<TokenClaims> claimsOf(DecodedJWT jwt, TokenType type) {
        String userId = jwt.getClaim(USER_ID).asString();
        // Not jwt.getId(): it turns a numeric jti into text.
        String tokenId = jwt.getClaim(RegisteredClaims.JWT_ID).asString();
        Instant issuedAt = jwt.getIssuedAtAsInstant();
        Integer tokenVersion = jwt.getClaim(TOKEN_VERSION).asInt();
        Claim expiry = jwt.getClaim(RegisteredClaims.EXPIRES_AT);
        // java-jwt lets a non-numeric "exp" through as if absent: such a token must not pass as one that never expires.
        boolean unreadableExpiry = !expiry.isMissing() && expiry.asInstant() == null;
        if (userId == null || tokenId == null || issuedAt == null || tokenVersion == null || unreadableExpiry) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenClaims(new UserId(userId), new TokenId(tokenId), issuedAt,
                    Optional.ofNullable(expiry.asInstant()), type, tokenVersion));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
