package io.gatehouse.adapter.crypto;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.gatehouse.application.fake.MutableClock;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTokenCodecTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    private static final TokenLifetime ONE_HOUR = TokenLifetime.parse("1h").orElseThrow();
    private static final TokenLifetime FOREVER = TokenLifetime.parse("-1").orElseThrow();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final MutableClock clock = new MutableClock(NOW);
    private final HmacTokenCodec codec = new HmacTokenCodec(KEY, clock);

    private static TokenClaims claims(TokenLifetime lifetime) {
        return TokenClaims.issue(UserId.random(), TokenType.SESSION, 3, lifetime, NOW.plusMillis(250));
    }

    /** The claims of a well-formed session token, for tests that alter one of them. */
    private static Map<String, Object> validPayload() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", "9b2f6a52-3f7e-4bde-9d51-0c7d2b3c1a11");
        payload.put("jti", "0f4e4a35-8f0e-4b8e-a1e1-5c3d5f3c7b20");
        payload.put("iat", NOW.getEpochSecond());
        payload.put("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond());
        payload.put("typ", TokenType.SESSION.claimValue());
        payload.put("ver", 0);
        return payload;
    }

    private static String signed(Map<String, Object> payload, Algorithm algorithm) {
        return JWT.create().withPayload(payload).sign(algorithm);
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<TokenClaims> decode(String token) {
        return codec.decode(token, TokenType.SESSION);
    }

    @Test
    void theClaimsReadBackAreTheClaimsEncoded() {
        TokenClaims claims = claims(ONE_HOUR);

        assertEquals(Optional.of(claims), decode(codec.encode(claims).value()));
    }

    @Test
    void aWellFormedTokenMadeElsewhereWithOurKeyDecodes() {
        Optional<TokenClaims> decoded = decode(signed(validPayload(), Algorithm.HMAC256(KEY)));

        assertEquals(Optional.of(new TokenClaims(new UserId("9b2f6a52-3f7e-4bde-9d51-0c7d2b3c1a11"),
                new TokenId("0f4e4a35-8f0e-4b8e-a1e1-5c3d5f3c7b20"), NOW, Optional.of(NOW.plus(Duration.ofHours(1))),
                TokenType.SESSION, 0)), decoded);
    }

    @Test
    void theTokenCarriesOpenWebUisClaimsPlusTypeAndVersionAndNothingElse() {
        String token = codec.encode(claims(ONE_HOUR)).value();

        assertEquals(Set.of("id", "jti", "iat", "exp", "typ", "ver"), JWT.decode(token).getClaims().keySet());
        assertEquals("HS256", JWT.decode(token).getAlgorithm());
    }

    @Test
    void aTokenThatNeverExpiresHasNoExpAndIsStillAcceptedYearsLater() {
        TokenClaims claims = claims(FOREVER);
        String token = codec.encode(claims).value();

        assertTrue(JWT.decode(token).getClaim("exp").isMissing());
        clock.advance(Duration.ofDays(365 * 30));
        assertEquals(Optional.of(claims), decode(token));
    }

    @Test
    void aTokenIsAcceptedUntilTheSecondItExpires() {
        String token = codec.encode(claims(ONE_HOUR)).value();

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertTrue(decode(token).isPresent());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), decode(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String token = new HmacTokenCodec(otherKey, clock).encode(claims(ONE_HOUR)).value();

        assertEquals(Optional.empty(), decode(token));
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() {
        TokenClaims claims = claims(ONE_HOUR);
        String[] parts = codec.encode(claims).value().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherUser = payload.replace(claims.userId().value(), "9b2f6a52-3f7e-4bde-9d51-0c7d2b3c1a11");

        assertTrue(otherUser.contains("9b2f6a52-3f7e-4bde-9d51-0c7d2b3c1a11"));
        assertEquals(Optional.empty(), decode(parts[0] + "." + base64url(otherUser) + "." + parts[2]));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = codec.encode(claims(ONE_HOUR)).value().split("\\.");
        String none = base64url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertEquals(Optional.empty(), decode(none + "." + parts[1] + "."));
        assertEquals(Optional.empty(), decode(none + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void otherHmacAlgorithmsWithOurKeyAreRefused() {
        assertEquals(Optional.empty(), decode(signed(validPayload(), Algorithm.HMAC384(KEY))));
        assertEquals(Optional.empty(), decode(signed(validPayload(), Algorithm.HMAC512(KEY))));
    }

    @Test
    void aTokenOfAnotherTypeIsRefused() {
        Map<String, Object> subagent = validPayload();
        subagent.put("typ", "subagent");

        assertEquals(Optional.empty(), decode(signed(subagent, Algorithm.HMAC256(KEY))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "jti", "iat", "typ", "ver"})
    void aTokenWithoutARequiredClaimIsRefused(String claim) {
        Map<String, Object> payload = validPayload();
        payload.remove(claim);

        assertEquals(Optional.empty(), decode(signed(payload, Algorithm.HMAC256(KEY))));
    }

    @Test
    void anOpenWebUiTokenOfBefore2025WithoutJtiOrIatIsRefused() {
        Map<String, Object> legacy = new HashMap<>();
        legacy.put("id", "9b2f6a52-3f7e-4bde-9d51-0c7d2b3c1a11");
        legacy.put("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond());

        assertEquals(Optional.empty(), decode(signed(legacy, Algorithm.HMAC256(KEY))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "jti", "iat", "ver", "exp"})
    void aClaimOfTheWrongTypeIsRefused(String claim) {
        Map<String, Object> payload = validPayload();
        payload.put(claim, claim.equals("id") || claim.equals("jti") ? (Object) 42 : "soon");

        assertEquals(Optional.empty(), decode(signed(payload, Algorithm.HMAC256(KEY))));
    }

    @Test
    void aUserIdOurTypesRefuseIsRefused() {
        Map<String, Object> payload = validPayload();
        payload.put("id", "x".repeat(65));

        assertEquals(Optional.empty(), decode(signed(payload, Algorithm.HMAC256(KEY))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "a.b.c", "..", "...", "Bearer x", "eyJhbGciOiJIUzI1NiJ9",
            "eyJhbGciOiJIUzI1NiJ9.e30.", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "sk-00112233445566778899aabbccddeeff"})
    void garbageIsRefusedWithoutThrowing(String presented) {
        assertEquals(Optional.empty(), decode(presented));
    }

    @Test
    void aTokenWithSomethingAppendedIsRefused() {
        String token = codec.encode(claims(ONE_HOUR)).value();

        assertTrue(decode(token).isPresent());
        assertEquals(Optional.empty(), decode(token + "x"));
        assertEquals(Optional.empty(), decode(token + ".x"));
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        byte[] shortKey = "0123456789abcdef0123456789abcde".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new HmacTokenCodec(shortKey, clock));

        assertTrue(refused.getMessage().contains("at least 32 bytes"));
        assertFalse(refused.getMessage().contains("0123456789"), "the message shows no key material");
    }

    @Test
    void aKeyOf32BytesIsEnough() {
        HmacTokenCodec minimal = new HmacTokenCodec(new byte[32], clock);
        TokenClaims claims = claims(ONE_HOUR);

        assertEquals(Optional.of(claims), minimal.decode(minimal.encode(claims).value(), TokenType.SESSION));
    }

    @Test
    void changingTheCallersKeyArrayAfterwardsChangesNothing() {
        byte[] key = KEY.clone();
        HmacTokenCodec own = new HmacTokenCodec(key, clock);
        String token = own.encode(claims(ONE_HOUR)).value();
        Arrays.fill(key, (byte) 0);

        assertTrue(own.decode(token, TokenType.SESSION).isPresent());
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceItExpires() {
        String token = codec.encode(claims(ONE_HOUR)).value();
        assertTrue(decode(token).isPresent());

        clock.advance(Duration.ofHours(2));

        assertEquals(Optional.empty(), decode(token));
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedWhenTheClockIsBackBeforeItsIssue() {
        String token = codec.encode(claims(ONE_HOUR)).value();
        assertTrue(decode(token).isPresent());

        clock.advance(Duration.ofSeconds(-1));

        assertEquals(Optional.empty(), decode(token));
        assertEquals(Optional.empty(), new HmacTokenCodec(KEY, clock).decode(token, TokenType.SESSION),
                "as java-jwt refuses it");
    }

    @Test
    void aTamperedCopyOfATokenVerifiedBeforeIsRefused() {
        String token = codec.encode(claims(ONE_HOUR)).value();
        assertTrue(decode(token).isPresent());
        // a character inside the signature: the last one's low bits are padding, which a decoder may ignore
        int inside = token.lastIndexOf('.') + 5;
        char tampered = token.charAt(inside) == 'A' ? 'B' : 'A';

        assertEquals(Optional.empty(), decode(token.substring(0, inside) + tampered + token.substring(inside + 1)));
        assertEquals(Optional.empty(), decode(token + " "));
    }

    @Test
    void theTokensRememberedStayBoundedAndTheOldestStillDecode() {
        List<TokenClaims> issued = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= HmacTokenCodec.REMEMBERED; i++) {
            TokenClaims claims = claims(ONE_HOUR);
            issued.add(claims);
            tokens.add(codec.encode(claims).value());
            assertEquals(Optional.of(claims), decode(tokens.get(i)));
            assertTrue(codec.rememberedTokens() <= HmacTokenCodec.REMEMBERED, "after " + (i + 1));
        }

        assertEquals(Optional.of(issued.get(0)), decode(tokens.get(0)));
    }
}
