package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the given fields of another account. A role change revokes the account's tokens (the domain moves the
 * token version); so does a new password, written with it in one transaction.
 */
public final class UpdateUserService implements UpdateUserUseCase {

    private final PasswordPolicy policy;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountWrites writes;
    private final AuthEvents events;
    private final Clock clock;

    public UpdateUserService(PasswordPolicy policy, UserRepository users, PasswordHasher hasher, AuthEvents events,
                             Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.users = Objects.requireNonNull(users, "users");
        this.writes = new AccountWrites(users);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result update(Command command) {
        Optional<User> target = users.findById(command.target());
        if (target.isEmpty()) {
            return refused(Refusal.NOT_FOUND);
        }
        boolean primaryAdmin = users.findEarliest().map(first -> first.equals(target.get())).orElse(false);
        if (primaryAdmin && !command.actor().equals(command.target())) {
            return refused(Refusal.PRIMARY_ADMIN_PROTECTED);
        }
        if (command.password().isPresent()) {
            PasswordCheck check = policy.check(command.password().get());
            if (!check.isAcceptable()) {
                return new Result.Refused(Refusal.PASSWORD_REJECTED, Optional.of(PasswordRejection.of(check, policy)));
            }
        }
        Instant now = clock.instant();
        AccountWrites.Write write = command.password().isPresent()
                ? writes.apply(command.target(), user -> applyChanges(user, command, now),
                        Credential.password(hasher.hash(command.password().get())))
                : writes.apply(command.target(), user -> applyChanges(user, command, now));
        if (!write.saved()) {
            return refused(write.outcome() == SaveOutcome.EMAIL_TAKEN ? Refusal.EMAIL_TAKEN : Refusal.NOT_FOUND);
        }
        User before = write.before().orElseThrow();
        User after = write.after().orElseThrow();
        if (before.role() != after.role()) {
            events.publish(new AuthEvent.RoleChanged(after.id(), before.role(), after.role(), command.actor()));
        }
        if (command.password().isPresent()) {
            events.publish(new AuthEvent.PasswordChanged(after.id(), command.actor()));
        }
        return new Result.Updated(after);
    }

    private static User applyChanges(User user, Command command, Instant now) {
        User changed = user;
        if (command.role().isPresent()) {
            changed = changed.withRole(command.role().get(), now);
        }
        if (command.name().isPresent()) {
            changed = changed.withName(command.name().get(), now);
        }
        if (command.email().isPresent()) {
            changed = changed.withEmail(command.email().get(), now);
        }
        if (command.profileImageUrl().isPresent()) {
            changed = changed.withProfile(changed.profile().withImageUrl(command.profileImageUrl().get()), now);
        }
        if (command.password().isPresent()) {
            changed = changed.withTokensRevoked(now);
        }
        return changed;
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason, Optional.empty());
    }
}
