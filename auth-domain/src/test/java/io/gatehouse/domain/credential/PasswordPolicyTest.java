package io.gatehouse.domain.credential;

import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTest {

    private final PasswordPolicy lengthOnly = PasswordPolicy.lengthOnly(8);
    private final PasswordPolicy withPattern =
            new PasswordPolicy(8, Optional.of(Pattern.compile(PasswordPolicy.DEFAULT_PATTERN)), "Use Aa1!");

    @Test
    void seventyTwoBytesAreAcceptedSeventyThreeAreNot() {
        assertEquals(PasswordCheck.ACCEPTABLE, lengthOnly.check(PlainPassword.of("a".repeat(72))));
        assertEquals(PasswordCheck.TOO_LONG, lengthOnly.check(PlainPassword.of("a".repeat(73))));
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        // 25 three-byte characters are 75 bytes: bcrypt would drop the last one silently
        assertEquals(PasswordCheck.TOO_LONG, lengthOnly.check(PlainPassword.of("€".repeat(25))));
        assertEquals(PasswordCheck.ACCEPTABLE, lengthOnly.check(PlainPassword.of("€".repeat(24))));
    }

    @Test
    void theMinimumCountsCharactersNotBytes() {
        assertEquals(PasswordCheck.TOO_SHORT, lengthOnly.check(PlainPassword.of("ééééééé")));
        assertEquals(PasswordCheck.ACCEPTABLE, lengthOnly.check(PlainPassword.of("😀😀😀😀😀😀😀😀")));
    }

    @ParameterizedTest
    @CsvSource({
            "Abcdef1!, ACCEPTABLE",
            "abcdef1!, PATTERN_MISMATCH",
            "ABCDEF1!, PATTERN_MISMATCH",
            "Abcdefg!, PATTERN_MISMATCH",
            "Abcdefg1, PATTERN_MISMATCH"
    })
    void theDefaultPatternNeedsFourKindsOfCharacter(String password, PasswordCheck expected) {
        assertEquals(expected, withPattern.check(PlainPassword.of(password)));
    }

    @Test
    void aPatternMatchesFromTheFirstCharacterLikePythonsReMatch() {
        PasswordPolicy digitsFirst = new PasswordPolicy(1, Optional.of(Pattern.compile("\\d+")), "");
        assertEquals(PasswordCheck.ACCEPTABLE, digitsFirst.check(PlainPassword.of("123abc")));
        assertEquals(PasswordCheck.PATTERN_MISMATCH, digitsFirst.check(PlainPassword.of("abc123")));
    }

    @Test
    void passwordsNeverShowThemselves() {
        assertFalse(PlainPassword.of("hunter2!").toString().contains("hunter2"));
        assertFalse(new PasswordHash("$2b$12$abc").toString().contains("$2b$"));
    }

    @Test
    void aMinimumOutsideOneToSeventyTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.lengthOnly(0));
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.lengthOnly(73));
    }
}
