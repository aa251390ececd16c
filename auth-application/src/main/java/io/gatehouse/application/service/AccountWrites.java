package io.gatehouse.application.service;

import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Changes an account without losing a concurrent change: read it, apply the change, write it over the revision that
 * was read; when another write got in first, read again and apply the change again. So a profile update racing an
 * admin's demotion can never write the old role back.
 */
public final class AccountWrites {

    /** Enough for any real contention; beyond it the account is being hammered and the caller gets a 503. */
    static final int ATTEMPTS = 5;

    private final UserRepository users;

    public AccountWrites(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public Write apply(UserId id, UnaryOperator<User> change) {
        return write(id, change, Optional.empty());
    }

    /** As {@link #apply(UserId, UnaryOperator)}, replacing the credential in the same write. */
    public Write apply(UserId id, UnaryOperator<User> change, Credential credential) {
        return write(id, change, Optional.of(credential));
    }

    private Write write(UserId id, UnaryOperator<User> change, Optional<Credential> credential) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<User> before = users.findById(id);
            if (before.isEmpty()) {
                return new Write(SaveOutcome.NOT_FOUND, Optional.empty(), Optional.empty());
            }
            User after = change.apply(before.get());
            SaveOutcome outcome = credential.isPresent() ? users.save(after, credential.get()) : users.save(after);
            if (outcome != SaveOutcome.CONFLICT) {
                return new Write(outcome, before, Optional.of(after));
            }
        }
        throw new InfrastructureException("account " + id + " kept changing while it was written");
    }

    /** What a write did; {@code before} and {@code after} are present when the account was found. */
    public record Write(SaveOutcome outcome, Optional<User> before, Optional<User> after) {

        public boolean saved() {
            return outcome == SaveOutcome.SAVED;
        }
    }
}
