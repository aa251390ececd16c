package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.port.out.AttemptGate.Attempt;
import io.gatehouse.domain.throttle.WindowLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory bound, as the counter keeps it; the admission itself is {@link InProcessAttemptGateContractTest}'s. */
class InProcessAttemptGateTest {

    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final int SWEEP_INTERVAL = 10;

    private final InProcessAttemptCounter counter = new InProcessAttemptCounter(SWEEP_INTERVAL);
    private final InProcessFailureStreaks streaks = new InProcessFailureStreaks(SWEEP_INTERVAL);
    private final InProcessAttemptGate gate = new InProcessAttemptGate(counter, streaks);

    private static Attempt attemptOf(int account) {
        return new Attempt("signin:account:" + account, 1, "signin:address-failures:10.0.0.1",
                new WindowLimit(100, WINDOW), "signin:account-address:" + account + "|10.0.0.1", WINDOW);
    }

    @Test
    void anAttemptThatIsNotCountedHoldsNoMemory() {
        for (int account = 0; account < 3 * SWEEP_INTERVAL; account++) {
            streaks.recordFailure("signin:account:" + account, T, Duration.ofHours(12));
        }

        for (int account = 0; account < 3 * SWEEP_INTERVAL; account++) {
            assertEquals(OptionalLong.empty(), gate.admit(attemptOf(account), T).attempts());
        }

        assertEquals(0, counter.size());
    }

    @Test
    void countedAttemptsAreSweptLikeAnyOtherCount() {
        for (int account = 0; account < SWEEP_INTERVAL; account++) {
            gate.admit(attemptOf(account), T);                          // the first sweep finds nothing stale
        }
        Instant later = T.plus(WINDOW).plusSeconds(60);                 // bucket 0 has left every window
        for (int account = 0; account < SWEEP_INTERVAL; account++) {
            gate.admit(attemptOf(100 + account), later);                // the second sweep comes at the 20th count
        }

        assertEquals(SWEEP_INTERVAL, counter.size());
    }
}
