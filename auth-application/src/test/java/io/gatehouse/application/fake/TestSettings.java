package io.gatehouse.application.fake;

import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.throttle.SignInLimits;
import io.gatehouse.domain.token.TokenLifetime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Open WebUI's defaults, as tests start from. */
public final class TestSettings {

    private TestSettings() {
    }

    public static AuthSettings authDefaults() {
        return new AuthSettings(true, Optional.empty(), "http://localhost:8080", true, true, false, false, List.of(),
                Role.PENDING, Optional.empty(), TokenLifetime.defaultLifetime(), "", "",
                DefaultPermissions.openWebUi(), Map.of(), LdapSettings.defaults(),
                OAuthSettings.defaults());
    }

    public static FixedSettings fixedDefaults() {
        return new FixedSettings(true, true, false, PasswordPolicy.lengthOnly(8), SignInLimits.defaults(),
                ShareSetting.MEMBERS, Optional.empty());
    }
}
