package io.gatehouse.application.port.in.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a pending user should ask for approval (Open WebUI §1.11): the configured admin e-mail, or the first
 * account; hidden when {@code SHOW_ADMIN_DETAILS} is off.
 */
public interface GetAdminContactUseCase {

    Result adminContact();

    sealed interface Result {
        record Shown(Optional<String> name, Optional<String> email) implements Result {
            public Shown {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(email, "email");
            }
        }

        record Hidden() implements Result {
        }
    }
}
