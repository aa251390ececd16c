package io.gatehouse.domain.settings;

import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.throttle.SignInLimits;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings read once at start from the environment; changing them needs a restart (Open WebUI's {@code env.py}).
 *
 * @param authEnabled              {@code WEBUI_AUTH}: false is single-user mode with the fixed account
 * @param passwordAuthEnabled      {@code ENABLE_PASSWORD_AUTH}: false closes password sign-in and sign-up
 * @param initialAdminSignup       {@code ENABLE_INITIAL_ADMIN_SIGNUP}: the first account may sign up even when the
 *                                 login form is off
 * @param passwordPolicy           what new passwords must meet
 * @param signInLimits             the three sign-in limits
 * @param defaultGroupShare        {@code DEFAULT_GROUP_SHARE_PERMISSION}: who may share to new groups
 * @param signoutRedirectUrl       {@code WEBUI_AUTH_SIGNOUT_REDIRECT_URL}: where the front end goes after sign-out
 */
public record FixedSettings(boolean authEnabled, boolean passwordAuthEnabled, boolean initialAdminSignup,
                            PasswordPolicy passwordPolicy, SignInLimits signInLimits, ShareSetting defaultGroupShare,
                            Optional<String> signoutRedirectUrl) {

    public FixedSettings {
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(signInLimits, "signInLimits");
        Objects.requireNonNull(defaultGroupShare, "defaultGroupShare");
        Objects.requireNonNull(signoutRedirectUrl, "signoutRedirectUrl");
    }
}
