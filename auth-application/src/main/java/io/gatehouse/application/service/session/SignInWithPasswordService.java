package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
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
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Password sign-in. The order matters:
 * <ol>
 *   <li>the throttles that do not count (account streak, address failures), then the one that counts every attempt
 *       (account and address), all in one step of the {@code AttemptGate}: a throttled attempt never reaches the
 *       hasher;</li>
 *   <li>exactly one password verification, against the account's credential or, for an unknown e-mail, against
 *       none, so both answer alike in message and in time;</li>
 *   <li>a failure extends the account's streak and the address's failures; a success ends the streak.</li>
 * </ol>
 */
public final class SignInWithPasswordService implements SignInWithPasswordUseCase {

    private final FixedSettings fixed;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final SessionIssuer sessions;
    private final SingleUserSignIn singleUser;
    private final AuthEvents events;
    private final Clock clock;

    public SignInWithPasswordService(FixedSettings fixed, UserRepository users, PasswordHasher hasher,
                                     AttemptCounter attempts, FailureStreaks streaks, AttemptGate gate,
                                     SessionIssuer sessions, SingleUserSignIn singleUser, AuthEvents events,
                                     Clock clock) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = new SignInThrottle(fixed.signInLimits(), attempts, streaks, gate, "signin");
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
        String account = EmailAddress.normalise(command.email());
        Optional<SignInThrottle.Throttled> throttled = throttle.admit(account, command.from(), now);
        if (throttled.isPresent()) {
            events.publish(new AuthEvent.SignInFailed(account, command.from(), throttled.get().failure()));
            return new Result.Refused(Refusal.RATE_LIMITED, Optional.of(throttled.get().retryAfter()));
        }

        Optional<UserAccount> found = EmailAddress.parse(command.email()).flatMap(users::findAccountByEmail);
        Credential credential = found.map(UserAccount::credential).orElse(Credential.none());
        if (!hasher.verify(command.password(), credential)) {
            throttle.recordFailure(account, command.from(), now);
            SignInFailure failure = found.isEmpty() ? SignInFailure.UNKNOWN_ACCOUNT
                    : credential.passwordHash().isEmpty() ? SignInFailure.NO_PASSWORD : SignInFailure.WRONG_PASSWORD;
            events.publish(new AuthEvent.SignInFailed(account, command.from(), failure));
            return new Result.Refused(Refusal.INVALID_CREDENTIALS, Optional.empty());
        }
        throttle.recordSuccess(account);
        events.publish(new AuthEvent.SignedIn(found.get().user().id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(found.get().user()));
    }
}
