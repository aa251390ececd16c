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
 * An admin creates an account with a role (Open WebUI §1.10). The account joins the default group; no sign-up
 * webhook fires and no first-user promotion applies.
 */
public interface AddUserUseCase {

    Result add(Command command);

    record Command(UserId actor, String name, EmailAddress email, PlainPassword password, String profileImageUrl,
                   Role role) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            User.requireValidName(name);
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(profileImageUrl, "profileImageUrl");
            Objects.requireNonNull(role, "role");
        }
    }

    sealed interface Result {
        record Added(User user) implements Result {
        }

        record Refused(Refusal reason, Optional<PasswordRejection> password) implements Result {
        }
    }

    enum Refusal {
        EMAIL_TAKEN,
        PASSWORD_REJECTED
    }
}
