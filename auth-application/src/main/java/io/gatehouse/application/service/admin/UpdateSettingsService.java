package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Objects;

/**
 * Stores the settings and puts them in force. Switches the default permissions lack keep Open WebUI's built-in values,
 * as {@link UpdateDefaultPermissionsService} does.
 */
public final class UpdateSettingsService implements UpdateSettingsUseCase {

    private final SettingsHolder settings;
    private final AuthEvents events;

    public UpdateSettingsService(SettingsHolder settings, AuthEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public AuthSettings update(Command command) {
        AuthSettings given = command.settings();
        AuthSettings complete = given.withDefaultPermissions(
                given.defaultPermissions().filledFrom(DefaultPermissions.openWebUi()));
        // the admin form does not carry single sign-on, whose settings may be process-local or changed meanwhile
        AuthSettings stored = settings.update(current -> complete.withOAuth(current.oauth()));
        events.publish(new AuthEvent.SettingsChanged(command.actor()));
        return stored;
    }
}
