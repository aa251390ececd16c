package io.gatehouse.application.service.session;

import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.domain.throttle.ClientAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RememberedRefusalsTest {

    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final ClientAddress HOME = new ClientAddress("203.0.113.7");
    private static final SignInThrottle.Throttled PAIR = new SignInThrottle.Throttled(
            SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS, Duration.ofMinutes(4));

    @Test
    void pastItsCapacityNothingMoreIsRememberedUntilOldRefusalsExpire() {
        RememberedRefusals refusals = new RememberedRefusals();
        for (int i = 0; i < RememberedRefusals.CAPACITY; i++) {
            refusals.remember("user" + i + "@example.org", HOME, PAIR, T);
        }

        refusals.remember("one-too-many@example.org", HOME, PAIR, T);
        assertEquals(Optional.empty(), refusals.find("one-too-many@example.org", HOME, T));

        Instant expired = T.plus(PAIR.retryAfter());
        refusals.remember("one-too-many@example.org", HOME, PAIR, expired);
        assertTrue(refusals.find("one-too-many@example.org", HOME, expired.plusSeconds(1)).isPresent(),
                "expired refusals are swept to make room");
        assertEquals(1, refusals.size(), "the expired ones went");
    }

    @Test
    void whenFullExpiredRefusalsAreSweptAtMostOnceASecond() {
        RememberedRefusals refusals = new RememberedRefusals();
        SignInThrottle.Throttled brief = new SignInThrottle.Throttled(SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS,
                Duration.ofMillis(100));
        for (int i = 0; i < RememberedRefusals.CAPACITY; i++) {
            refusals.remember("user" + i + "@example.org", HOME, brief, T);
        }
        refusals.remember("early@example.org", HOME, PAIR, T);          // sweeps: nothing has expired yet

        refusals.remember("soon@example.org", HOME, PAIR, T.plusMillis(500));
        assertEquals(Optional.empty(), refusals.find("soon@example.org", HOME, T.plusMillis(500)), "no sweep yet");

        refusals.remember("later@example.org", HOME, PAIR, T.plusSeconds(1));
        assertTrue(refusals.find("later@example.org", HOME, T.plusSeconds(1)).isPresent(), "swept a second later");
    }
}
