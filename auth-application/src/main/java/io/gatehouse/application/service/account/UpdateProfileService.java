package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Writes the name and every profile field, as Open WebUI does. */
public final class UpdateProfileService implements UpdateProfileUseCase {

    private final UserRepository users;
    private final Clock clock;

    public UpdateProfileService(UserRepository users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<User> updateProfile(Command command) {
        Instant now = clock.instant();
        return users.findById(command.userId())
                .map(user -> user.withName(command.name(), now).withProfile(command.profile(), now))
                .filter(updated -> users.save(updated) == SaveOutcome.SAVED);
    }
}
