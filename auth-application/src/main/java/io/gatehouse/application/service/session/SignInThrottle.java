package io.gatehouse.application.service.session;

import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.throttle.SignInLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in limits of every way in that checks a password (PRODUCT.md "Sign-in limits"): per account and address,
 * per account, per address. Accounts are namespaced by the way in ({@code signin}, {@code ldap}), so an e-mail and an
 * LDAP user name never share a count; failures per address are counted over all ways in, against password spraying.
 */
final class SignInThrottle {

    private static final Duration BUCKET = Duration.ofMinutes(1);
    private static final String ADDRESS_FAILURES = "signin:address-failures:";

    private final SignInLimits limits;
    private final AttemptCounter attempts;
    private final FailureStreaks streaks;
    private final AttemptGate gate;
    private final String namespace;
    private final RememberedRefusals refused = new RememberedRefusals();

    SignInThrottle(SignInLimits limits, AttemptCounter attempts, FailureStreaks streaks, AttemptGate gate,
                   String namespace) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Counts the attempt and says whether it may go on: the throttles that do not count (account streak, address
     * failures) come first, then the one that counts every attempt (account and address). The gate reads the first
     * two and makes the count in one step (one round trip to a shared store). It counts only while the streak is below
     * the threshold and leaves the growing wait to {@link SignInLimits}: the rare attempt of an account past the
     * threshold whose wait is over (or whose streak is forgotten) is counted here, in a second step. A refusal is
     * remembered until its {@code Retry-After} ({@link RememberedRefusals}): until then the same attempt is refused
     * without asking the stores.
     */
    Optional<Throttled> admit(String account, ClientAddress from, Instant now) {
        Optional<Throttled> remembered = refused.find(account, from, now);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<Throttled> throttled = admitByTheStores(account, from, now);
        throttled.ifPresent(refusal -> refused.remember(account, from, refusal, now));
        return throttled;
    }

    private Optional<Throttled> admitByTheStores(String account, ClientAddress from, Instant now) {
        String attemptsKey = namespace + ":account-address:" + account + "|" + from.value();
        Duration attemptsWindow = limits.perAccountAndAddress().window();
        AttemptGate.Admission seen = gate.admit(new AttemptGate.Attempt(accountKey(account),
                limits.accountFailureThreshold(), ADDRESS_FAILURES + from.value(), limits.perAddressFailures(),
                attemptsKey, attemptsWindow), now);
        Optional<Duration> accountWait = limits.accountWait(seen.streak(), now);
        if (accountWait.isPresent()) {
            return Optional.of(new Throttled(SignInFailure.THROTTLED_ACCOUNT, accountWait.get()));
        }
        if (seen.failures() >= limits.perAddressFailures().limit()) {
            return Optional.of(new Throttled(SignInFailure.THROTTLED_ADDRESS,
                    untilWindowEmpties(limits.perAddressFailures().window(), now)));
        }
        long attemptsHere = seen.attempts().isPresent() ? seen.attempts().getAsLong()
                : attempts.increment(attemptsKey, attemptsWindow, now);
        if (!limits.perAccountAndAddress().admits(attemptsHere)) {
            return Optional.of(new Throttled(SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS,
                    untilWindowEmpties(limits.perAccountAndAddress().window(), now)));
        }
        return Optional.empty();
    }

    /** A wrong password extends the account's streak and the address's failures. */
    void recordFailure(String account, ClientAddress from, Instant now) {
        streaks.recordFailure(accountKey(account), now, limits.accountFailureReset());
        attempts.increment(ADDRESS_FAILURES + from.value(), limits.perAddressFailures().window(), now);
    }

    /** A success ends the account's streak. */
    void recordSuccess(String account) {
        streaks.clear(accountKey(account));
    }

    private String accountKey(String account) {
        return namespace + ":account:" + account;
    }

    /**
     * Counts live in one-minute buckets and a window reaches back over the current bucket and a window's worth before
     * it: by then every attempt counted so far has dropped out. Retrying earlier may succeed, but counts again.
     */
    private static Duration untilWindowEmpties(Duration window, Instant now) {
        long intoBucket = now.getEpochSecond() % BUCKET.toSeconds();
        return window.plusSeconds(BUCKET.toSeconds() - intoBucket);
    }

    /** Why an attempt was stopped, and when trying again may succeed. */
    record Throttled(SignInFailure failure, Duration retryAfter) {
    }
}
