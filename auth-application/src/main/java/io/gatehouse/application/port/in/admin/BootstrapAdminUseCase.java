package io.gatehouse.application.port.in.admin;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;

import java.util.Objects;

/**
 * Creates the first admin at start-up from {@code WEBUI_ADMIN_EMAIL}/{@code WEBUI_ADMIN_PASSWORD} when no account
 * exists yet, then closes public sign-up (Open WebUI §3.3). Safe to run on every start and on several instances at
 * once: at most one admin is made.
 */
public interface BootstrapAdminUseCase {

    Result bootstrap(Command command);

    record Command(EmailAddress email, PlainPassword password, String name) {
        public Command {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            User.requireValidName(name);
        }
    }

    sealed interface Result {
        record Created(User admin) implements Result {
        }

        /** Accounts already exist: nothing was done. */
        record AccountsExist() implements Result {
        }

        record PasswordRejected(PasswordRejection rejection) implements Result {
        }
    }
}
