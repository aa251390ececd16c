package io.gatehouse.domain.settings;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings an admin changes while the instance runs (Open WebUI §10.2, {@code USER_PERMISSIONS}): their
 * defaults come from the environment, the stored values win, and a change applies to the next request.
 *
 * @param showAdminDetails           whether pending users may see whom to ask ({@code SHOW_ADMIN_DETAILS})
 * @param adminEmail                 the contact shown to them instead of the first account ({@code ADMIN_EMAIL})
 * @param webuiUrl                   the public URL of the front end ({@code WEBUI_URL})
 * @param signupEnabled              whether anyone may sign up once an account exists ({@code ENABLE_SIGNUP})
 * @param loginFormEnabled           whether the e-mail and password form is offered ({@code ENABLE_LOGIN_FORM})
 * @param apiKeysEnabled             whether API keys may be made and used ({@code ENABLE_API_KEYS})
 * @param apiKeyEndpointRestrictions whether API keys reach only {@code apiKeyAllowedEndpoints}
 * @param apiKeyAllowedEndpoints     paths API keys may call when restricted ({@code API_KEYS_ALLOWED_ENDPOINTS})
 * @param defaultUserRole            the role of new accounts ({@code DEFAULT_USER_ROLE})
 * @param defaultGroupId             the group every new account joins ({@code DEFAULT_GROUP_ID})
 * @param tokenLifetime              how long session tokens live ({@code JWT_EXPIRES_IN})
 * @param pendingOverlayTitle        what pending users read ({@code PENDING_USER_OVERLAY_TITLE})
 * @param pendingOverlayContent      ({@code PENDING_USER_OVERLAY_CONTENT})
 * @param defaultPermissions         what every user may do before groups add more ({@code USER_PERMISSIONS})
 * @param clientSettings             front-end switches of Open WebUI's admin form that Gatehouse stores and returns
 *                                   without acting on them (JSON scalars by their Open WebUI names)
 * @param ldap                       LDAP sign-in (Open WebUI §6.1)
 * @param oauth                      single sign-on (Open WebUI §7.2, §10.4)
 */
public record AuthSettings(boolean showAdminDetails, Optional<EmailAddress> adminEmail, String webuiUrl,
                           boolean signupEnabled, boolean loginFormEnabled, boolean apiKeysEnabled,
                           boolean apiKeyEndpointRestrictions, List<String> apiKeyAllowedEndpoints,
                           Role defaultUserRole, Optional<GroupId> defaultGroupId, TokenLifetime tokenLifetime,
                           String pendingOverlayTitle, String pendingOverlayContent,
                           PermissionTree defaultPermissions, Map<String, Object> clientSettings,
                           LdapSettings ldap, OAuthSettings oauth) {

    public AuthSettings {
        Objects.requireNonNull(adminEmail, "adminEmail");
        Objects.requireNonNull(webuiUrl, "webuiUrl");
        apiKeyAllowedEndpoints = List.copyOf(apiKeyAllowedEndpoints);
        Objects.requireNonNull(defaultUserRole, "defaultUserRole");
        Objects.requireNonNull(defaultGroupId, "defaultGroupId");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(pendingOverlayTitle, "pendingOverlayTitle");
        Objects.requireNonNull(pendingOverlayContent, "pendingOverlayContent");
        Objects.requireNonNull(defaultPermissions, "defaultPermissions");
        clientSettings = Collections.unmodifiableMap(new LinkedHashMap<>(clientSettings));
        Objects.requireNonNull(ldap, "ldap");
        Objects.requireNonNull(oauth, "oauth");
    }

    /** The same settings with sign-up switched on or off. */
    public AuthSettings withSignupEnabled(boolean enabled) {
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, enabled, loginFormEnabled, apiKeysEnabled,
                apiKeyEndpointRestrictions, apiKeyAllowedEndpoints, defaultUserRole, defaultGroupId, tokenLifetime,
                pendingOverlayTitle, pendingOverlayContent, defaultPermissions, clientSettings, ldap, oauth);
    }

    /** The same settings with other default permissions. */
    public AuthSettings withDefaultPermissions(PermissionTree permissions) {
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, signupEnabled, loginFormEnabled,
                apiKeysEnabled, apiKeyEndpointRestrictions, apiKeyAllowedEndpoints, defaultUserRole, defaultGroupId,
                tokenLifetime, pendingOverlayTitle, pendingOverlayContent, permissions, clientSettings, ldap, oauth);
    }

    /** The same settings with other LDAP settings. */
    public AuthSettings withLdap(LdapSettings changed) {
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, signupEnabled, loginFormEnabled,
                apiKeysEnabled, apiKeyEndpointRestrictions, apiKeyAllowedEndpoints, defaultUserRole, defaultGroupId,
                tokenLifetime, pendingOverlayTitle, pendingOverlayContent, defaultPermissions, clientSettings, changed,
                oauth);
    }

    /** The same settings with other single sign-on settings. */
    public AuthSettings withOAuth(OAuthSettings changed) {
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, signupEnabled, loginFormEnabled,
                apiKeysEnabled, apiKeyEndpointRestrictions, apiKeyAllowedEndpoints, defaultUserRole, defaultGroupId,
                tokenLifetime, pendingOverlayTitle, pendingOverlayContent, defaultPermissions, clientSettings, ldap,
                changed);
    }

    /**
     * Whether an API key may call {@code path}: always when restrictions are off, otherwise when the path equals an
     * allowed entry or lies below it.
     */
    public boolean apiKeyMayCall(String path) {
        if (!apiKeyEndpointRestrictions) {
            return true;
        }
        for (String allowed : apiKeyAllowedEndpoints) {
            String entry = allowed.strip();
            if (!entry.isEmpty() && (path.equals(entry) || path.startsWith(entry.endsWith("/") ? entry : entry + "/"))) {
                return true;
            }
        }
        return false;
    }
}
