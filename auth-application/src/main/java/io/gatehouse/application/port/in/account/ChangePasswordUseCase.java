package io.gatehouse.application.port.in.account;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * A user changes their password, proving the current one (Open WebUI §1.7). Every session token the user holds is
 * revoked; the caller gets a fresh session to carry on with.
 */
public interface ChangePasswordUseCase {

    Result changePassword(Command command);

    record Command(UserId userId, PlainPassword currentPassword, PlainPassword newPassword) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentPassword, "currentPassword");
            Objects.requireNonNull(newPassword, "newPassword");
        }
    }

    sealed interface Result {
        record Changed(Session freshSession) implements Result {
        }

        /** {@code password} is present exactly when the reason is {@link Refusal#PASSWORD_REJECTED}. */
        record Refused(Refusal reason, Optional<PasswordRejection> password) implements Result {
        }
    }

    enum Refusal {
        INCORRECT_PASSWORD,
        PASSWORD_REJECTED,
        ACCOUNT_GONE
    }
}
