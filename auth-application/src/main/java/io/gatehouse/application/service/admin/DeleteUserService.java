package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.UserRepository;

import java.util.Objects;

/** Deletes an account, except the primary admin's and the caller's own. */
public final class DeleteUserService implements DeleteUserUseCase {

    private final UserRepository users;
    private final AuthEvents events;

    public DeleteUserService(UserRepository users, AuthEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Result delete(Command command) {
        boolean primaryAdmin = users.findEarliest().map(first -> first.id().equals(command.target())).orElse(false);
        if (primaryAdmin || command.actor().equals(command.target())) {
            return Result.PROTECTED;
        }
        if (!users.delete(command.target())) {
            return Result.NOT_FOUND;
        }
        events.publish(new AuthEvent.AccountDeleted(command.target(), command.actor()));
        return Result.DELETED;
    }
}
