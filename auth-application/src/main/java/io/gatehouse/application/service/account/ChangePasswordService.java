package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the current password, validates the new one (Open WebUI once validated the old one instead), stores its hash
 * and, in the same write, revokes every token of the user; the caller gets a fresh session.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final PasswordPolicy policy;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final AccountWrites writes;
    private final AuthEvents events;
    private final Clock clock;

    public ChangePasswordService(PasswordPolicy policy, UserRepository users, PasswordHasher hasher,
                                 SessionIssuer sessions, AuthEvents events, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.users = Objects.requireNonNull(users, "users");
        this.writes = new AccountWrites(users);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result changePassword(Command command) {
        Optional<Credential> current = users.findCredential(command.userId());
        if (current.isEmpty()) {
            return refused(Refusal.ACCOUNT_GONE);
        }
        if (!hasher.verify(command.currentPassword(), current.get())) {
            return refused(Refusal.INCORRECT_PASSWORD);
        }
        PasswordCheck check = policy.check(command.newPassword());
        if (!check.isAcceptable()) {
            return new Result.Refused(Refusal.PASSWORD_REJECTED, Optional.of(PasswordRejection.of(check, policy)));
        }
        Credential replacement = Credential.password(hasher.hash(command.newPassword()));
        AccountWrites.Write write = writes.apply(command.userId(),
                user -> user.withTokensRevoked(clock.instant()), replacement);
        if (!write.saved()) {
            return refused(Refusal.ACCOUNT_GONE);
        }
        User revoked = write.after().orElseThrow();
        events.publish(new AuthEvent.PasswordChanged(revoked.id(), revoked.id()));
        return new Result.Changed(sessions.issueFor(revoked));
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason, Optional.empty());
    }
}
