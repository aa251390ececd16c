package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.UpdateOAuthSettingsUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.oauth.OAuthSettings;

import java.util.Objects;

/**
 * Puts a change of the single sign-on settings in force: stored and announced to the other instances, or kept by this
 * instance alone, as {@link SettingsHolder.OAuthPersistence} says. Providers follow on their next use.
 */
public final class UpdateOAuthSettingsService implements UpdateOAuthSettingsUseCase {

    private final SettingsHolder settings;
    private final AuthEvents events;

    public UpdateOAuthSettingsService(SettingsHolder settings, AuthEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Result update(Command command) {
        OAuthSettings changed;
        try {
            changed = settings.update(current -> current.withOAuth(command.change().apply(current.oauth()))).oauth();
        } catch (IllegalArgumentException invalid) {
            // the domain refused a value the change built; the holder stored nothing
            return new Result.Refused(invalid.getMessage());
        }
        events.publish(new AuthEvent.SettingsChanged(command.actor()));
        return new Result.Updated(changed);
    }
}
