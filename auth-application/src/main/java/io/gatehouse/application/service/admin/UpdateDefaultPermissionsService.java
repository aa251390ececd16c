package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.permission.PermissionTree;

import java.util.Objects;

/** Replaces the default permissions; switches the new tree lacks keep Open WebUI's built-in values. */
public final class UpdateDefaultPermissionsService implements UpdateDefaultPermissionsUseCase {

    private final SettingsHolder settings;
    private final AuthEvents events;

    public UpdateDefaultPermissionsService(SettingsHolder settings, AuthEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public PermissionTree update(Command command) {
        PermissionTree complete = command.permissions().filledFrom(DefaultPermissions.openWebUi());
        PermissionTree stored = settings.update(current -> current.withDefaultPermissions(complete)).defaultPermissions();
        events.publish(new AuthEvent.SettingsChanged(command.actor()));
        return stored;
    }
}
