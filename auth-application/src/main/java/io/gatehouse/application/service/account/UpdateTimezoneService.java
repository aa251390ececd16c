package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.UpdateTimezoneUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.AccountWrites;

import java.time.Clock;
import java.util.Objects;

/** Stores the user's timezone. */
public final class UpdateTimezoneService implements UpdateTimezoneUseCase {

    private final AccountWrites writes;
    private final Clock clock;

    public UpdateTimezoneService(UserRepository users, Clock clock) {
        this.writes = new AccountWrites(users);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean updateTimezone(Command command) {
        return writes.apply(command.userId(), user -> user.withTimezone(command.timezone(), clock.instant())).saved();
    }
}
