package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.settings.AuthSettings;

/** The settings in force now (Open WebUI §10.2 and the default permissions). */
public interface GetSettingsUseCase {

    AuthSettings settings();
}
