package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleAttemptGate;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.throttle.SignInLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * Which calls an admission makes, and in which order: one call to the gate in the common case, whatever the answer
 * (the answers themselves are {@link SignInWithPasswordServiceTest}'s). The stores are the simple fakes; the throttle
 * sees them through Mockito mocks that only pass each call on and record it, and the gate works on the fakes
 * themselves, so what is recorded is exactly what the throttle asked.
 */
class SignInThrottleTest {

    private static final String ANN = "ann@example.org";
    private static final ClientAddress HOME = new ClientAddress("203.0.113.7");
    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final SignInLimits LIMITS = SignInLimits.defaults();
    private static final String ATTEMPTS_KEY = "signin:account-address:" + ANN + "|" + HOME.value();
    private static final AttemptGate.Attempt ATTEMPT = new AttemptGate.Attempt("signin:account:" + ANN,
            LIMITS.accountFailureThreshold(), "signin:address-failures:" + HOME.value(), LIMITS.perAddressFailures(),
            ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window());

    private final SimpleAttemptCounter counted = new SimpleAttemptCounter();
    private final SimpleFailureStreaks recorded = new SimpleFailureStreaks();
    private AttemptCounter attempts;
    private FailureStreaks streaks;
    private AttemptGate gate;
    private SignInThrottle throttle;

    @BeforeEach
    void watchedStores() {
        attempts = mock(AttemptCounter.class, delegatesTo(counted));
        streaks = mock(FailureStreaks.class, delegatesTo(recorded));
        gate = mock(AttemptGate.class, delegatesTo(new SimpleAttemptGate(counted, recorded)));
        throttle = new SignInThrottle(LIMITS, attempts, streaks, gate, "signin");
    }

    /** Failures of the account, made straight in the store. */
    private void accountFailures(int failures, Instant at) {
        for (int i = 0; i < failures; i++) {
            recorded.recordFailure("signin:account:" + ANN, at, LIMITS.accountFailureReset());
        }
    }

    /** Failures from the address, made straight in the store. */
    private void addressFailures(int failures, Instant at) {
        for (int i = 0; i < failures; i++) {
            counted.increment("signin:address-failures:" + HOME.value(), LIMITS.perAddressFailures().window(), at);
        }
    }

    @Test
    void anAdmittedAttemptIsOneCallToTheGate() {
        assertEquals(Optional.empty(), throttle.admit(ANN, HOME, T));

        verify(gate).admit(ATTEMPT, T);
        verifyNoMoreInteractions(gate);
        verifyNoInteractions(attempts, streaks);
    }

    @Test
    void anAttemptOverTheAccountAndAddressLimitIsOneCallToo() {
        for (int i = 0; i < 15; i++) {
            counted.increment(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), T);
        }

        assertEquals(SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS, throttle.admit(ANN, HOME, T).orElseThrow().failure());

        verify(gate).admit(ATTEMPT, T);
        verifyNoMoreInteractions(gate);
        verifyNoInteractions(attempts, streaks);
    }

    @Test
    void anAddressOverItsFailureLimitIsOneCallAndNothingCounted() {
        addressFailures(100, T);

        assertEquals(SignInFailure.THROTTLED_ADDRESS, throttle.admit(ANN, HOME, T).orElseThrow().failure());

        verify(gate).admit(ATTEMPT, T);
        verifyNoInteractions(attempts, streaks);
        assertEquals(0, counted.count(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), T));
    }

    @Test
    void anAccountThatMustWaitIsOneCallAndNothingCounted() {
        accountFailures(100, T);

        assertEquals(new SignInThrottle.Throttled(SignInFailure.THROTTLED_ACCOUNT, Duration.ofMinutes(1)),
                throttle.admit(ANN, HOME, T).orElseThrow());

        verify(gate).admit(ATTEMPT, T);
        verifyNoInteractions(attempts, streaks);
        assertEquals(0, counted.count(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), T));
    }

    @Test
    void anAccountWhoseWaitIsOverIsCountedInASecondStepAfterTheGate() {
        accountFailures(100, T);
        Instant waited = T.plus(Duration.ofMinutes(1));

        assertEquals(Optional.empty(), throttle.admit(ANN, HOME, waited));

        InOrder order = inOrder(gate, attempts);
        order.verify(gate).admit(ATTEMPT, waited);
        order.verify(attempts).increment(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), waited);
        verify(attempts, times(1)).increment(any(), any(), any());
        verifyNoInteractions(streaks);
        assertEquals(1, counted.count(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), waited));
    }

    @Test
    void anAddressOverItsLimitIsNotCountedEvenWhenTheAccountsWaitIsOver() {
        accountFailures(100, T);
        addressFailures(100, T);

        Instant waited = T.plus(Duration.ofMinutes(1));
        assertEquals(SignInFailure.THROTTLED_ADDRESS, throttle.admit(ANN, HOME, waited).orElseThrow().failure());

        verify(gate).admit(ATTEMPT, waited);
        verifyNoInteractions(attempts, streaks);
    }

    @Test
    void aRefusalIsRememberedUntilItsRetryAfterWithoutAskingOrCountingAgain() {
        for (int i = 0; i < 15; i++) {
            counted.increment(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), T);
        }
        SignInThrottle.Throttled first = throttle.admit(ANN, HOME, T).orElseThrow();
        Instant later = T.plusSeconds(30);
        Instant after = T.plus(first.retryAfter());

        assertEquals(new SignInThrottle.Throttled(SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS,
                first.retryAfter().minusSeconds(30)), throttle.admit(ANN, HOME, later).orElseThrow());
        verify(gate, times(1)).admit(any(), any());
        assertEquals(16, counted.count(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), later),
                "the remembered refusal is not counted");

        assertEquals(Optional.empty(), throttle.admit(ANN, HOME, after), "the window emptied as the refusal said");
        verify(gate).admit(ATTEMPT, after);
    }

    @Test
    void aRefusalOfAnAccountAndAddressIsNotAnotherAccountsNorAnotherAddresss() {
        for (int i = 0; i < 15; i++) {
            counted.increment(ATTEMPTS_KEY, LIMITS.perAccountAndAddress().window(), T);
        }
        throttle.admit(ANN, HOME, T).orElseThrow();

        assertEquals(Optional.empty(), throttle.admit("bob@example.org", HOME, T));
        assertEquals(Optional.empty(), throttle.admit(ANN, new ClientAddress("198.51.100.9"), T));
        verify(gate, times(3)).admit(any(), any());
    }

    @Test
    void aRefusedAddressIsRefusedForEveryAccountFromMemory() {
        addressFailures(100, T);
        throttle.admit(ANN, HOME, T).orElseThrow();

        assertEquals(SignInFailure.THROTTLED_ADDRESS, throttle.admit("bob@example.org", HOME, T.plusSeconds(1))
                .orElseThrow().failure());
        verify(gate, times(1)).admit(any(), any());
    }
}
