package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AttemptGate.Admission;
import io.gatehouse.application.port.out.AttemptGate.Attempt;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.FailureStreak;
import io.gatehouse.domain.throttle.WindowLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link AttemptGate} does, over the counter and the streaks it shares its data with: the same answers the
 * three separate calls gave (streak, then failures, then the count only when both let the attempt through), as one
 * atomic step.
 */
public abstract class AttemptGateContract {

    private static final Instant MINUTE_START = Instant.parse("2026-04-01T10:00:00Z");
    private static final Duration FORGET = Duration.ofHours(12);
    private static final String STREAK = "signin:account:ann@example.org";
    private static final String FAILURES = "signin:address-failures:203.0.113.7";
    private static final String ATTEMPTS = "signin:account-address:ann@example.org|203.0.113.7";
    private static final Duration ATTEMPTS_WINDOW = Duration.ofMinutes(3);
    /** Three failures of the account stop the counting; so do five of the address in five minutes. */
    private static final Attempt ATTEMPT = new Attempt(STREAK, 3, FAILURES,
            new WindowLimit(5, Duration.ofMinutes(5)), ATTEMPTS, ATTEMPTS_WINDOW);

    /** A gate and the counter and streaks whose data it reads and counts, all fresh and empty. */
    public record Parts(AttemptGate gate, AttemptCounter counter, FailureStreaks streaks) {
    }

    private AttemptGate gate;
    private AttemptCounter counter;
    private FailureStreaks streaks;

    protected abstract Parts newParts();

    @BeforeEach
    void fresh() {
        Parts parts = newParts();
        gate = parts.gate();
        counter = parts.counter();
        streaks = parts.streaks();
    }

    private void failures(String key, int times, Duration window, Instant at) {
        for (int i = 0; i < times; i++) {
            counter.increment(key, window, at);
        }
    }

    private void streakOf(int failures, Instant at) {
        for (int i = 0; i < failures; i++) {
            streaks.recordFailure(STREAK, at, FORGET);
        }
    }

    @Test
    void aFreshAttemptIsCountedAndEachCountIncludesItself() {
        assertEquals(new Admission(FailureStreak.NONE, 0, OptionalLong.of(1)), gate.admit(ATTEMPT, MINUTE_START));
        assertEquals(new Admission(FailureStreak.NONE, 0, OptionalLong.of(2)),
                gate.admit(ATTEMPT, MINUTE_START.plusSeconds(30)));

        assertEquals(2, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START.plusSeconds(31)));
        assertEquals(0, counter.count(FAILURES, ATTEMPT.failures().window(), MINUTE_START), "failures only read");
        assertEquals(FailureStreak.NONE, streaks.current(STREAK), "the streak only read");
    }

    @Test
    void aStreakBelowTheThresholdIsReadAndTheAttemptCounted() {
        streakOf(2, MINUTE_START);

        Admission admission = gate.admit(ATTEMPT, MINUTE_START.plusSeconds(1));

        assertEquals(new Admission(new FailureStreak(2, Optional.of(MINUTE_START)), 0, OptionalLong.of(1)), admission);
        assertEquals(streaks.current(STREAK), admission.streak(), "as the streaks answer it");
    }

    @Test
    void aStreakAtTheThresholdIsReadAndNothingCounted() {
        streakOf(3, MINUTE_START);
        failures(FAILURES, 2, ATTEMPT.failures().window(), MINUTE_START);

        Admission admission = gate.admit(ATTEMPT, MINUTE_START.plusSeconds(1));

        assertEquals(new Admission(new FailureStreak(3, Optional.of(MINUTE_START)), 2, OptionalLong.empty()),
                admission);
        assertEquals(0, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START.plusSeconds(1)));
    }

    @Test
    void addressFailuresBelowTheLimitLetTheAttemptBeCounted() {
        failures(FAILURES, 4, ATTEMPT.failures().window(), MINUTE_START);

        assertEquals(new Admission(FailureStreak.NONE, 4, OptionalLong.of(1)), gate.admit(ATTEMPT, MINUTE_START));
    }

    @Test
    void addressFailuresAtTheLimitAreReadAndNothingCounted() {
        failures(FAILURES, 5, ATTEMPT.failures().window(), MINUTE_START);

        assertEquals(new Admission(FailureStreak.NONE, 5, OptionalLong.empty()), gate.admit(ATTEMPT, MINUTE_START));
        assertEquals(0, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START));
    }

    @Test
    void theFailuresAreReadInTheirOwnWindowAndTheAttemptsCountedInTheirs() {
        failures(FAILURES, 5, ATTEMPT.failures().window(), MINUTE_START);               // bucket 0
        counter.increment(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START);                     // bucket 0

        // bucket 4: the failures' window (five buckets before the current one) still holds bucket 0
        Instant bucket4 = MINUTE_START.plus(Duration.ofMinutes(4));
        assertEquals(new Admission(FailureStreak.NONE, 5, OptionalLong.empty()), gate.admit(ATTEMPT, bucket4));
        // bucket 6: the failures have left their window, and the attempt of bucket 0 the attempts' (three before)
        Instant bucket6 = MINUTE_START.plus(Duration.ofMinutes(6));
        assertEquals(new Admission(FailureStreak.NONE, 0, OptionalLong.of(1)), gate.admit(ATTEMPT, bucket6));
        assertEquals(1, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, bucket6));
    }

    @Test
    void countsMadeByTheGateAndByTheCounterAreOne() {
        counter.increment(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START);

        assertEquals(OptionalLong.of(2), gate.admit(ATTEMPT, MINUTE_START).attempts());
        assertEquals(3, counter.increment(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START));
    }

    @Test
    void aClearedStreakLetsTheAttemptBeCountedAgain() {
        streakOf(3, MINUTE_START);
        assertEquals(OptionalLong.empty(), gate.admit(ATTEMPT, MINUTE_START).attempts());

        streaks.clear(STREAK);

        assertEquals(new Admission(FailureStreak.NONE, 0, OptionalLong.of(1)), gate.admit(ATTEMPT, MINUTE_START));
    }

    @Test
    void concurrentAttemptsAreEachCountedOnceAndNoCountIsLost() throws Exception {
        List<Admission> admissions = runTogether(50, () -> gate.admit(ATTEMPT, MINUTE_START));

        Set<Long> seen = admissions.stream().map(admission -> admission.attempts().orElseThrow())
                .collect(Collectors.toSet());
        assertEquals(LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet()), seen);
        assertEquals(50, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START));
    }

    @Test
    void concurrentAttemptsAndFailuresNeverCountPastTheStreakThreshold() throws Exception {
        // Each task records a failure, then asks the gate: the gate counts only while it sees fewer than three.
        List<Admission> admissions = runTogether(20, () -> {
            streaks.recordFailure(STREAK, MINUTE_START, FORGET);
            return gate.admit(ATTEMPT, MINUTE_START);
        });

        for (Admission admission : admissions) {
            assertEquals(admission.streak().failures() < 3, admission.attempts().isPresent(), admission::toString);
        }
        long counted = admissions.stream().filter(admission -> admission.attempts().isPresent()).count();
        assertEquals(counted, counter.count(ATTEMPTS, ATTEMPTS_WINDOW, MINUTE_START));
    }
}
