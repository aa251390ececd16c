package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.settings.AuthSettings;

import java.util.Optional;

/** Holds the last saved settings. */
public final class InMemorySettingsRepository implements SettingsRepository {

    private volatile Optional<AuthSettings> stored = Optional.empty();

    @Override
    public AuthSettings load(AuthSettings defaults) {
        return stored.orElse(defaults);
    }

    @Override
    public void save(AuthSettings settings) {
        stored = Optional.of(settings);
    }
}
