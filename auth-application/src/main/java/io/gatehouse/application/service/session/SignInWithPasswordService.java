package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.UserAccount;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.throttle.SignInLimits;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Password sign-in. The order matters:
 * <ol>
 *   <li>the throttles that do not count (account streak, address failures), then the one that counts every attempt
 *       (account and address): a throttled attempt never reaches the hasher;</li>
 *   <li>exactly one password verification, against the account's credential or, for an unknown e-mail, against
 *       none, so both answer alike in message and in time;</li>
 *   <li>a failure extends the account's streak and the address's failures; a success ends the streak.</li>
 * </ol>
 */
public final class SignInWithPasswordService implements SignInWithPasswordUseCase {

    private static final Duration BUCKET = Duration.ofMinutes(1);

    private final FixedSettings fixed;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AttemptCounter attempts;
    private final FailureStreaks streaks;
    private final SessionIssuer sessions;
    private final SingleUserSignIn singleUser;
    private final AuthEvents events;
    private final Clock clock;

    public SignInWithPasswordService(FixedSettings fixed, UserRepository users, PasswordHasher hasher,
                                     AttemptCounter attempts, FailureStreaks streaks, SessionIssuer sessions,
                                     SingleUserSignIn singleUser, AuthEvents events, Clock clock) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.singleUser = Objects.requireNonNull(singleUser, "singleUser");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result signIn(Command command) {
        if (!fixed.passwordAuthEnabled()) {
            return new Result.Refused(Refusal.PASSWORD_AUTH_DISABLED, Optional.empty());
        }
        if (!fixed.authEnabled()) {
            Result result = singleUser.signIn();
            if (result instanceof Result.SignedIn) {
                User user = ((Result.SignedIn) result).session().user();
                events.publish(new AuthEvent.SignedIn(user.id(), command.from()));
            }
            return result;
        }
        Instant now = clock.instant();
        SignInLimits limits = fixed.signInLimits();
        String account = EmailAddress.normalise(command.email());
        ThrottleKeys keys = new ThrottleKeys(account, command.from());

        Optional<Duration> accountWait = limits.accountWait(streaks.current(keys.account), now);
        if (accountWait.isPresent()) {
            return throttled(account, command.from(), SignInFailure.THROTTLED_ACCOUNT, accountWait.get());
        }
        if (attempts.count(keys.addressFailures, limits.perAddressFailures().window(), now)
                >= limits.perAddressFailures().limit()) {
            return throttled(account, command.from(), SignInFailure.THROTTLED_ADDRESS,
                    untilWindowEmpties(limits.perAddressFailures().window(), now));
        }
        long attemptsHere = attempts.increment(keys.accountAndAddress, limits.perAccountAndAddress().window(), now);
        if (!limits.perAccountAndAddress().admits(attemptsHere)) {
            return throttled(account, command.from(), SignInFailure.THROTTLED_ACCOUNT_AND_ADDRESS,
                    untilWindowEmpties(limits.perAccountAndAddress().window(), now));
        }

        Optional<UserAccount> found = EmailAddress.parse(command.email()).flatMap(users::findAccountByEmail);
        Credential credential = found.map(UserAccount::credential).orElse(Credential.none());
        if (!hasher.verify(command.password(), credential)) {
            streaks.recordFailure(keys.account, now, limits.accountFailureReset());
            attempts.increment(keys.addressFailures, limits.perAddressFailures().window(), now);
            SignInFailure failure = found.isEmpty() ? SignInFailure.UNKNOWN_ACCOUNT
                    : credential.passwordHash().isEmpty() ? SignInFailure.NO_PASSWORD : SignInFailure.WRONG_PASSWORD;
            events.publish(new AuthEvent.SignInFailed(account, command.from(), failure));
            return new Result.Refused(Refusal.INVALID_CREDENTIALS, Optional.empty());
        }
        streaks.clear(keys.account);
        events.publish(new AuthEvent.SignedIn(found.get().user().id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(found.get().user()));
    }

    private Result throttled(String account, ClientAddress from, SignInFailure failure, Duration retryAfter) {
        events.publish(new AuthEvent.SignInFailed(account, from, failure));
        return new Result.Refused(Refusal.RATE_LIMITED, Optional.of(retryAfter));
    }

    /**
     * Counts live in one-minute buckets and a window reaches back over the current bucket and a window's worth before
     * it: by then every attempt counted so far has dropped out. Retrying earlier may succeed, but counts again.
     */
    private static Duration untilWindowEmpties(Duration window, Instant now) {
        long intoBucket = now.getEpochSecond() % BUCKET.toSeconds();
        return window.plusSeconds(BUCKET.toSeconds() - intoBucket);
    }

    /** Counter keys, namespaced so that no other limiter shares them (Open WebUI's memory fallback does). */
    private static final class ThrottleKeys {
        final String account;
        final String accountAndAddress;
        final String addressFailures;

        ThrottleKeys(String account, ClientAddress from) {
            this.account = "signin:account:" + account;
            this.accountAndAddress = "signin:account-address:" + account + "|" + from.value();
            this.addressFailures = "signin:address-failures:" + from.value();
        }
    }
}
