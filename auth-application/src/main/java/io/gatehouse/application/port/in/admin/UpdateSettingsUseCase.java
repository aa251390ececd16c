package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/** An admin replaces the settings; they are stored and apply to the next request, without a restart. */
public interface UpdateSettingsUseCase {

    /** The settings as stored. */
    AuthSettings update(Command command);

    record Command(UserId actor, AuthSettings settings) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(settings, "settings");
        }
    }
}
