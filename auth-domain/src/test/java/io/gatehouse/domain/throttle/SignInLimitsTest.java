package io.gatehouse.domain.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInLimitsTest {

    private static final Instant LAST = Instant.parse("2026-05-01T12:00:00Z");
    private final SignInLimits limits = SignInLimits.defaults();

    @Test
    void belowTheThresholdThereIsNoWait() {
        assertEquals(Optional.empty(), limits.accountWait(new FailureStreak(99, Optional.of(LAST)), LAST));
    }

    @Test
    void atTheThresholdTheAccountWaitsOneIncrement() {
        FailureStreak streak = new FailureStreak(100, Optional.of(LAST));

        assertEquals(Optional.of(Duration.ofSeconds(60)), limits.accountWait(streak, LAST));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limits.accountWait(streak, LAST.plusSeconds(59)));
        assertEquals(Optional.empty(), limits.accountWait(streak, LAST.plusSeconds(60)));
    }

    @Test
    void eachFurtherFailureAddsAnIncrementUpToTheMaximum() {
        assertEquals(Optional.of(Duration.ofSeconds(180)), limits.accountWait(new FailureStreak(102, Optional.of(LAST)), LAST));
        assertEquals(Optional.of(Duration.ofMinutes(15)), limits.accountWait(new FailureStreak(114, Optional.of(LAST)), LAST));
        assertEquals(Optional.of(Duration.ofMinutes(15)), limits.accountWait(new FailureStreak(10_000, Optional.of(LAST)), LAST));
    }

    @Test
    void aQuietStreakIsForgotten() {
        FailureStreak streak = new FailureStreak(500, Optional.of(LAST));

        assertEquals(Optional.empty(), limits.accountWait(streak, LAST.plus(Duration.ofHours(12))));
        assertTrue(limits.isStale(streak, LAST.plus(Duration.ofHours(12))));
    }

    @Test
    void theWindowAdmitsUpToItsLimit() {
        WindowLimit window = new WindowLimit(15, Duration.ofMinutes(3));

        assertTrue(window.admits(15));
        assertEquals(false, window.admits(16));
    }

    @Test
    void inconsistentLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WindowLimit(0, Duration.ofMinutes(3)));
        assertThrows(IllegalArgumentException.class, () -> new WindowLimit(5, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new SignInLimits(new WindowLimit(15, Duration.ofMinutes(3)),
                100, Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofHours(12), new WindowLimit(100, Duration.ofMinutes(3))));
    }
}
