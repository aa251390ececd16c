package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Objects;

/** Stores the settings and puts them in force. */
public final class UpdateSettingsService implements UpdateSettingsUseCase {

    private final SettingsHolder settings;
    private final AuthEvents events;

    public UpdateSettingsService(SettingsHolder settings, AuthEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public AuthSettings update(Command command) {
        AuthSettings stored = settings.update(current -> command.settings());
        events.publish(new AuthEvent.SettingsChanged(command.actor()));
        return stored;
    }
}
