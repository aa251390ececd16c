package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;

import java.time.Clock;
import java.util.Objects;

/** Stores the user's timezone. */
public final class UpdateTimezoneService implements UpdateTimezoneUseCase {

    private final UserRepository users;
    private final Clock clock;

    public UpdateTimezoneService(UserRepository users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean updateTimezone(Command command) {
        return users.findById(command.userId())
                .map(user -> users.save(user.withTimezone(command.timezone(), clock.instant())) == SaveOutcome.SAVED)
                .orElse(false);
    }
}
