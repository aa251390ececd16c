package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.UpdateLdapSettingsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.ldap.LdapSettings;

import java.util.Objects;

/** Stores a change of the LDAP settings and puts it in force. */
public final class UpdateLdapSettingsService implements UpdateLdapSettingsUseCase {

    private final SettingsHolder settings;
    private final AuthEvents events;

    public UpdateLdapSettingsService(SettingsHolder settings, AuthEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public LdapSettings update(Command command) {
        LdapSettings stored = settings.update(current -> current.withLdap(command.change().apply(current.ldap()))).ldap();
        events.publish(new AuthEvent.SettingsChanged(command.actor()));
        return stored;
    }
}
