package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/**
 * An admin deletes an account with its credential, memberships and API key; its tokens stop working at once. Nobody
 * may delete the primary admin or themself (Open WebUI §1.17).
 */
public interface DeleteUserUseCase {

    Result delete(Command command);

    record Command(UserId actor, UserId target) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(target, "target");
        }
    }

    enum Result {
        DELETED,
        NOT_FOUND,
        PROTECTED
    }
}
