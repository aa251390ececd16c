package io.gatehouse.application.port.in.account;

import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserProfile;

import java.util.Objects;
import java.util.Optional;

/** A user replaces their name and profile (Open WebUI §1.5). */
public interface UpdateProfileUseCase {

    /** The account as saved, or empty when it no longer exists. */
    Optional<User> updateProfile(Command command);

    /** The profile's picture should meet a {@link io.gatehouse.domain.user.ProfileImagePolicy}: the HTTP adapter checks it. */
    record Command(UserId userId, String name, UserProfile profile) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            User.requireValidName(name);
            Objects.requireNonNull(profile, "profile");
        }
    }
}
