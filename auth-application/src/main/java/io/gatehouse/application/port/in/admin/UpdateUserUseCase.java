package io.gatehouse.application.port.in.admin;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * An admin changes another account (Open WebUI §1.17): only the fields given are written. The primary admin (the
 * first account) may only be changed by themself. A new role or password revokes the account's session tokens.
 */
public interface UpdateUserUseCase {

    Result update(Command command);

    record Command(UserId actor, UserId target, Optional<Role> role, Optional<String> name,
                   Optional<EmailAddress> email, Optional<String> profileImageUrl, Optional<PlainPassword> password) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(role, "role");
            name.ifPresent(User::requireValidName);
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(profileImageUrl, "profileImageUrl");
            Objects.requireNonNull(password, "password");
        }
    }

    sealed interface Result {
        record Updated(User user) implements Result {
        }

        record Refused(Refusal reason, Optional<PasswordRejection> password) implements Result {
        }
    }

    enum Refusal {
        NOT_FOUND,
        PRIMARY_ADMIN_PROTECTED,
        EMAIL_TAKEN,
        PASSWORD_REJECTED
    }
}
