package io.gatehouse.domain.token;

import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenLifetimeTest {

    @ParameterizedTest
    @CsvSource({
            "4w, PT672H",
            "1h30m, PT1H30M",
            "1.5d, PT36H",
            "500ms, PT0.5S",
            "30s, PT30S",
            "2h 15m 10s, PT2H15M10S",
            "-1h, PT-1H",
            "1w1d, PT192H"
    })
    void sumsEveryPair(String text, Duration expected) {
        assertEquals(Optional.of(expected), TokenLifetime.parse(text).orElseThrow().duration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", " 0 "})
    void minusOneAndZeroMeanNoExpiry(String text) {
        TokenLifetime lifetime = TokenLifetime.parse(text).orElseThrow();
        assertTrue(lifetime.neverExpires());
        assertEquals(Optional.empty(), lifetime.expiryFrom(Instant.EPOCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "forever", "10", "1y", "h", "9999999999999999999w", "9223372036854775807w", "5300w",
            "-5300w"})
    void textWithoutAPairOrBeyondAHundredYearsIsRefused(String text) {
        assertTrue(TokenLifetime.parse(text).isEmpty(), text);
    }

    @Test
    void theAdminFormTakesOnePairOnly() {
        assertTrue(TokenLifetime.parseSingle("1h30m").isEmpty());
        assertEquals(Optional.of(Duration.ofHours(2)), TokenLifetime.parseSingle("2h").orElseThrow().duration());
        assertTrue(TokenLifetime.parseSingle("-1").orElseThrow().neverExpires());
        assertTrue(TokenLifetime.parseSingle("2 h").isEmpty());
    }

    @Test
    void aHundredYearsIsTheLongest() {
        assertEquals(Optional.of(Duration.ofDays(36_525)), TokenLifetime.parse("36525d").orElseThrow().duration());
    }

    @Test
    void theDefaultIsFourWeeks() {
        assertEquals(Optional.of(Duration.ofDays(28)), TokenLifetime.defaultLifetime().duration());
    }

    @Test
    void issuedClaimsCarryWholeSeconds() {
        Instant now = Instant.parse("2026-03-01T10:00:00.750Z");
        TokenClaims claims = TokenClaims.issue(UserId.random(), TokenType.SESSION, 3,
                TokenLifetime.parse("1h").orElseThrow(), now);

        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), claims.issuedAt());
        assertEquals(Optional.of(Instant.parse("2026-03-01T11:00:00Z")), claims.expiresAt());
        assertEquals(3, claims.tokenVersion());
        assertFalse(claims.isExpiredAt(Instant.parse("2026-03-01T10:59:59Z")));
        assertTrue(claims.isExpiredAt(Instant.parse("2026-03-01T11:00:00Z")));
    }
}
