package io.gatehouse.application.service;

import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.settings.FixedSettings;

import java.util.Optional;

/** Start-up settings for a test: {@link TestSettings#fixedDefaults()} with the few values a test changes. */
public final class FixedSettingsBuilder {

    private final FixedSettings defaults = TestSettings.fixedDefaults();
    private boolean authEnabled = defaults.authEnabled();
    private boolean passwordAuthEnabled = defaults.passwordAuthEnabled();
    private boolean initialAdminSignup = defaults.initialAdminSignup();
    private PasswordPolicy passwordPolicy = defaults.passwordPolicy();
    private Optional<String> signoutRedirectUrl = defaults.signoutRedirectUrl();

    private FixedSettingsBuilder() {
    }

    public static FixedSettingsBuilder defaults() {
        return new FixedSettingsBuilder();
    }

    /** {@code WEBUI_AUTH=false}: single-user mode. */
    public FixedSettingsBuilder singleUserMode() {
        authEnabled = false;
        return this;
    }

    public FixedSettingsBuilder passwordAuthEnabled(boolean value) {
        passwordAuthEnabled = value;
        return this;
    }

    public FixedSettingsBuilder initialAdminSignup(boolean value) {
        initialAdminSignup = value;
        return this;
    }

    public FixedSettingsBuilder passwordPolicy(PasswordPolicy value) {
        passwordPolicy = value;
        return this;
    }

    public FixedSettingsBuilder signoutRedirectUrl(String value) {
        signoutRedirectUrl = Optional.of(value);
        return this;
    }

    public FixedSettings build() {
        return new FixedSettings(authEnabled, passwordAuthEnabled, initialAdminSignup, passwordPolicy,
                defaults.signInLimits(), defaults.defaultGroupShare(),
                signoutRedirectUrl);
    }
}
