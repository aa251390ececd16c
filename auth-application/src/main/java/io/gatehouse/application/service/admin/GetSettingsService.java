package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.GetSettingsUseCase;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Objects;

/** The settings in force. */
public final class GetSettingsService implements GetSettingsUseCase {

    private final SettingsHolder settings;

    public GetSettingsService(SettingsHolder settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public AuthSettings settings() {
        return settings.current();
    }
}
