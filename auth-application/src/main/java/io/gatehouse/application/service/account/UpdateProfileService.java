package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Writes the name and every profile field, as Open WebUI does. */
public final class UpdateProfileService implements UpdateProfileUseCase {

    private final AccountWrites writes;
    private final Clock clock;

    public UpdateProfileService(UserRepository users, Clock clock) {
        this.writes = new AccountWrites(users);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<User> updateProfile(Command command) {
        Instant now = clock.instant();
        AccountWrites.Write write = writes.apply(command.userId(),
                user -> user.withName(command.name(), now).withProfile(command.profile(), now));
        return write.saved() ? write.after() : Optional.empty();
    }
}
