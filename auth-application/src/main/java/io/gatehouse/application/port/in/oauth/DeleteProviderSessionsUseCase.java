package io.gatehouse.application.port.in.oauth;

import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/** A user deletes their sessions at one identity provider, with the tokens kept for them (Open WebUI §1.9). */
public interface DeleteProviderSessionsUseCase {

    /** {@code false} when the user had none there. */
    boolean delete(Command command);

    record Command(UserId user, String provider) {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(provider, "provider");
        }
    }
}
