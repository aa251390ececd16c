package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.GetAdminContactUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.User;

import java.util.Objects;
import java.util.Optional;

/** The configured admin e-mail with the name of its account, or the first account's name and e-mail. */
public final class GetAdminContactService implements GetAdminContactUseCase {

    private final SettingsHolder settings;
    private final UserRepository users;

    public GetAdminContactService(SettingsHolder settings, UserRepository users) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Result adminContact() {
        AuthSettings current = settings.current();
        if (!current.showAdminDetails()) {
            return new Result.Hidden();
        }
        if (current.adminEmail().isPresent()) {
            return new Result.Shown(users.findByEmail(current.adminEmail().get()).map(User::name),
                    Optional.of(current.adminEmail().get().value()));
        }
        Optional<User> first = users.findEarliest();
        return new Result.Shown(first.map(User::name), first.map(user -> user.email().value()));
    }
}
