package io.gatehouse.application.port.in.account;

import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/** A user records their timezone (Open WebUI §1.6); pending users may too. */
public interface UpdateTimezoneUseCase {

    /** False when the account no longer exists. */
    boolean updateTimezone(Command command);

    record Command(UserId userId, String timezone) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(timezone, "timezone");
        }
    }
}
