package io.gatehouse.application.service;

import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run-time settings for a test: Open WebUI's defaults, or settings in force, with the few values a test changes. */
public final class AuthSettingsBuilder {

    private boolean showAdminDetails;
    private Optional<EmailAddress> adminEmail;
    private String webuiUrl;
    private boolean signupEnabled;
    private boolean loginFormEnabled;
    private boolean apiKeysEnabled;
    private boolean apiKeyEndpointRestrictions;
    private List<String> apiKeyAllowedEndpoints;
    private Role defaultUserRole;
    private Optional<GroupId> defaultGroupId;
    private TokenLifetime tokenLifetime;
    private String pendingOverlayTitle;
    private String pendingOverlayContent;
    private PermissionTree defaultPermissions;
    private Map<String, Object> clientSettings;
    private LdapSettings ldap;
    private OAuthSettings oauth;

    private AuthSettingsBuilder(AuthSettings from) {
        showAdminDetails = from.showAdminDetails();
        adminEmail = from.adminEmail();
        webuiUrl = from.webuiUrl();
        signupEnabled = from.signupEnabled();
        loginFormEnabled = from.loginFormEnabled();
        apiKeysEnabled = from.apiKeysEnabled();
        apiKeyEndpointRestrictions = from.apiKeyEndpointRestrictions();
        apiKeyAllowedEndpoints = from.apiKeyAllowedEndpoints();
        defaultUserRole = from.defaultUserRole();
        defaultGroupId = from.defaultGroupId();
        tokenLifetime = from.tokenLifetime();
        pendingOverlayTitle = from.pendingOverlayTitle();
        pendingOverlayContent = from.pendingOverlayContent();
        defaultPermissions = from.defaultPermissions();
        clientSettings = from.clientSettings();
        ldap = from.ldap();
        oauth = from.oauth();
    }

    /** Starts from {@link TestSettings#authDefaults()}. */
    public static AuthSettingsBuilder defaults() {
        return new AuthSettingsBuilder(TestSettings.authDefaults());
    }

    public static AuthSettingsBuilder from(AuthSettings settings) {
        return new AuthSettingsBuilder(settings);
    }

    public AuthSettingsBuilder showAdminDetails(boolean value) {
        showAdminDetails = value;
        return this;
    }

    public AuthSettingsBuilder adminEmail(String value) {
        adminEmail = Optional.of(EmailAddress.of(value));
        return this;
    }

    public AuthSettingsBuilder signupEnabled(boolean value) {
        signupEnabled = value;
        return this;
    }

    public AuthSettingsBuilder loginFormEnabled(boolean value) {
        loginFormEnabled = value;
        return this;
    }

    public AuthSettingsBuilder apiKeysEnabled(boolean value) {
        apiKeysEnabled = value;
        return this;
    }

    /** Restricts API keys to these paths. */
    public AuthSettingsBuilder apiKeysRestrictedTo(String... endpoints) {
        apiKeyEndpointRestrictions = true;
        apiKeyAllowedEndpoints = List.of(endpoints);
        return this;
    }

    public AuthSettingsBuilder defaultUserRole(Role value) {
        defaultUserRole = value;
        return this;
    }

    public AuthSettingsBuilder defaultGroup(GroupId value) {
        defaultGroupId = Optional.of(value);
        return this;
    }

    public AuthSettingsBuilder tokenLifetime(String text) {
        tokenLifetime = TokenLifetime.parse(text).orElseThrow();
        return this;
    }

    public AuthSettingsBuilder pendingOverlay(String title, String content) {
        pendingOverlayTitle = title;
        pendingOverlayContent = content;
        return this;
    }

    public AuthSettingsBuilder defaultPermissions(PermissionTree value) {
        defaultPermissions = value;
        return this;
    }

    public AuthSettingsBuilder ldap(LdapSettings value) {
        ldap = value;
        return this;
    }

    public AuthSettingsBuilder oauth(OAuthSettings value) {
        oauth = value;
        return this;
    }

    public AuthSettings build() {
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, signupEnabled, loginFormEnabled,
                apiKeysEnabled, apiKeyEndpointRestrictions, apiKeyAllowedEndpoints, defaultUserRole, defaultGroupId,
                tokenLifetime, pendingOverlayTitle, pendingOverlayContent, defaultPermissions, clientSettings, ldap,
                oauth);
    }
}
