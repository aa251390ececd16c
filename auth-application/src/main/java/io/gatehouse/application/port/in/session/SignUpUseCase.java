package io.gatehouse.application.port.in.session;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;

import java.util.Objects;
import java.util.Optional;

/**
 * Public sign-up with a password (Open WebUI §1.3, §3.3): the first account ever becomes admin and closes public
 * sign-up behind it; later accounts get the default role and join the default group.
 */
public interface SignUpUseCase {

    Result signUp(Command command);

    /** {@code profileImageUrl} should meet a {@link io.gatehouse.domain.user.ProfileImagePolicy}: the HTTP adapter checks it. */
    record Command(String name, EmailAddress email, PlainPassword password, String profileImageUrl) {
        public Command {
            User.requireValidName(name);
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(profileImageUrl, "profileImageUrl");
        }
    }

    sealed interface Result {
        record SignedUp(Session session) implements Result {
        }

        /** {@code password} is present exactly when the reason is {@link Refusal#PASSWORD_REJECTED}. */
        record Refused(Refusal reason, Optional<PasswordRejection> password) implements Result {
        }
    }

    enum Refusal {
        /** {@code ENABLE_PASSWORD_AUTH} is off. */
        PASSWORD_AUTH_DISABLED,
        /** Sign-up or the login form is off, or single-user mode already has its account. */
        SIGNUP_DISABLED,
        EMAIL_TAKEN,
        PASSWORD_REJECTED
    }
}
