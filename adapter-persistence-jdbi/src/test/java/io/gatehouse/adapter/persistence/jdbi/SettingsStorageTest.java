package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.application.contract.SettingsRepositoryContract;
import io.gatehouse.application.contract.Stores;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.group.GroupId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** How settings sit in their table: Open WebUI's key names, JSON values, and tolerance of values we cannot read. */
class SettingsStorageTest {

    private static final Set<String> OPEN_WEBUI_KEYS = Set.of("auth.admin.show", "auth.admin.email", "webui.url",
            "ui.enable_signup", "ui.enable_login_form", "auth.enable_api_keys", "auth.api_key.endpoint_restrictions",
            "auth.api_key.allowed_endpoints", "ui.default_user_role", "ui.default_group_id", "auth.jwt_expiry",
            "ui.pending_user_overlay_title", "ui.pending_user_overlay_content", "user.permissions");

    private static AuthSettings withClientSettings(Map<String, Object> clientSettings) {
        AuthSettings defaults = TestSettings.authDefaults();
        return new AuthSettings(defaults.showAdminDetails(), defaults.adminEmail(), defaults.webuiUrl(),
                defaults.signupEnabled(), defaults.loginFormEnabled(), defaults.apiKeysEnabled(),
                defaults.apiKeyEndpointRestrictions(), defaults.apiKeyAllowedEndpoints(), defaults.defaultUserRole(),
                defaults.defaultGroupId(), defaults.tokenLifetime(), defaults.pendingOverlayTitle(),
                defaults.pendingOverlayContent(), defaults.defaultPermissions(), clientSettings, defaults.ldap(),
                defaults.oauth());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyValueThatDiffersIsStoredAsJsonUnderItsOpenWebUiKey(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        AuthSettings changedEverywhere = new AuthSettings(false, Optional.of(EmailAddress.of("boss@example.org")),
                "https://chat.example.org", false, false, true, true, List.of("/api/v1/models"), Role.USER,
                Optional.of(new GroupId("g-1")), TokenLifetime.parse("1h").orElseThrow(), "Wait", "Soon",
                PermissionTree.of(Map.of("features", Map.of("api_keys", true))), Map.of("ENABLE_NOTES", true),
                LdapSettings.defaults(), defaults.oauth());

        stores.settings().save(changedEverywhere, defaults);

        Map<String, String> rows = rows(database);
        Set<String> expectedKeys = new HashSet<>(OPEN_WEBUI_KEYS);
        expectedKeys.add("client.ENABLE_NOTES");
        assertEquals(expectedKeys, rows.keySet());
        assertEquals("\"1h\"", rows.get("auth.jwt_expiry"));
        assertEquals("\"user\"", rows.get("ui.default_user_role"));
        assertEquals("\"boss@example.org\"", rows.get("auth.admin.email"));
        assertEquals("true", rows.get("client.ENABLE_NOTES"));
        assertEquals('{', rows.get("user.permissions").charAt(0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ldapSettingsAreStoredUnderOpenWebUisKeys(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        LdapServer ad = new LdapServer("Corp", "ad.example.org", Optional.of(636), "mail", "sAMAccountName",
                "CN=svc,DC=example,DC=org", "s3cret", "DC=example,DC=org", "(objectClass=user)", true, false, "", true,
                "ALL");
        LdapServer backup = new LdapServer("Backup", "ad2.example.org", Optional.empty(), "mail", "sAMAccountName",
                "", "", "DC=example,DC=org", "", false, true, "", true, "ALL");

        stores.settings().save(defaults.withLdap(defaults.ldap().withEnabled(true)
                .withSingleServer(ad, true, false, "memberOf").withServers(List.of(backup))), defaults);

        Map<String, String> rows = rows(database);
        assertEquals("true", rows.get("ldap.enable"));
        assertEquals("\"ad.example.org\"", rows.get("ldap.server.host"));
        assertEquals("636", rows.get("ldap.server.port"));
        assertEquals("\"sAMAccountName\"", rows.get("ldap.server.attribute_for_username"));
        assertEquals("\"CN=svc,DC=example,DC=org\"", rows.get("ldap.server.app_dn"));
        assertEquals("\"s3cret\"", rows.get("ldap.server.app_password"));
        assertEquals("\"DC=example,DC=org\"", rows.get("ldap.server.users_dn"));
        assertEquals("\"(objectClass=user)\"", rows.get("ldap.server.search_filter"));
        assertEquals("true", rows.get("ldap.group.enable_management"));
        assertEquals('[', rows.get("ldap.servers").charAt(0));
        assertFalse(rows.containsKey("ldap.server.use_tls"), "unchanged values follow the environment");
        assertEquals(List.of(backup), stores.settings().load(defaults).ldap().servers());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void singleSignOnSettingsAreStoredUnderOpenWebUisKeysAndUnchangedOnesFollowTheEnvironment(TestDatabase database)
            throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        stores.settings().save(defaults.withOAuth(SettingsRepositoryContract.changedOAuth()), defaults);

        Map<String, String> rows = rows(database);
        assertEquals("false", rows.get("oauth.enable"));
        assertEquals("true", rows.get("oauth.enable_signup"));
        assertEquals("[\"example.org\",\"example.com\"]", rows.get("oauth.allowed_domains").replace(" ", ""));
        assertEquals("[\"ops\",\"root\"]", rows.get("oauth.admin_roles").replace(" ", ""));
        assertEquals("\"members\"", rows.get("oauth.group_default_share"));
        assertEquals("\"https://sso.example.org/.well-known/openid-configuration\"", rows.get("oauth.provider_url"));
        assertEquals("\"gatehouse\"", rows.get("oauth.client_id"));
        assertEquals("20", rows.get("oauth.timeout"));
        assertEquals("30", rows.get("oauth.client.timeout"));
        assertEquals("true", rows.get("oauth.refresh_token.include_scope"));
        assertEquals("\"S256\"", rows.get("oauth.code_challenge_method"));

        OpenIdClient environmentClient = new OpenIdClient("Env SSO",
                Optional.of(URI.create("https://env.example.org/.well-known/openid-configuration")), "env-client",
                Optional.empty(), Optional.empty(), "openid", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        stores.settings().save(defaults.withOAuth(defaults.oauth().withPolicy(
                SettingsRepositoryContract.changedOAuth().policy())), defaults);
        AuthSettings newEnvironment = defaults.withOAuth(defaults.oauth().withOpenId(environmentClient));
        OAuthSettings loaded = stores.settings().load(newEnvironment).oauth();

        assertEquals(SettingsRepositoryContract.changedOAuth().policy(), loaded.policy(), "the stored rules win");
        assertEquals(environmentClient, loaded.openId(), "a provider nobody changed follows the environment");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedProviderValuesThatNoLongerFitTogetherGiveWayToTheEnvironment(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        try (Connection connection = database.connect()) {
            // written when the environment gave a secret that it no longer gives
            store(connection, "oauth.token_endpoint_auth_method", "\"client_secret_post\"");
            store(connection, "oauth.client_id", "\"gatehouse\"");
            store(connection, "oauth.group_default_share", "\"sometimes\"");
            store(connection, "oauth.enable_signup", "true");
        }

        OAuthSettings loaded = stores.settings().load(defaults).oauth();

        assertEquals(defaults.oauth().openId(), loaded.openId());
        assertEquals(defaults.oauth().groupDefaultShare(), loaded.groupDefaultShare());
        assertEquals(true, loaded.policy().signupEnabled());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savingTheDefaultsStoresNothingAndClearingAValueStoresNull(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        stores.settings().save(defaults.withSignupEnabled(false), defaults);

        stores.settings().save(defaults, defaults);
        assertEquals(Set.of(), rows(database).keySet(), "a setting put back to its default follows the environment again");

        AuthSettings environment = new AuthSettings(true, Optional.of(EmailAddress.of("a@example.org")),
                defaults.webuiUrl(), true, true, false, false, List.of(), Role.PENDING, Optional.empty(),
                defaults.tokenLifetime(), "", "", defaults.defaultPermissions(), Map.of(), defaults.ldap(),
                defaults.oauth());
        stores.settings().save(defaults, environment);
        assertEquals(Map.of("auth.admin.email", "null"), rows(database));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredValueThatCannotBeReadKeepsItsDefault(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        AuthSettings defaults = TestSettings.authDefaults();
        try (Connection connection = database.connect()) {
            store(connection, "ui.enable_signup", "not json at all");
            store(connection, "ui.default_user_role", "\"overlord\"");
            store(connection, "user.permissions", "{\"chat\": \"yes\"}");
            store(connection, "client.NESTED", "{\"not\": \"a scalar\"}");
            store(connection, "auth.admin.show", "false");
        }

        AuthSettings loaded = stores.settings().load(defaults);

        assertEquals(defaults.signupEnabled(), loaded.signupEnabled());
        assertEquals(Role.PENDING, loaded.defaultUserRole());
        assertEquals(defaults.defaultPermissions(), loaded.defaultPermissions());
        assertFalse(loaded.clientSettings().containsKey("NESTED"));
        assertNotEquals(defaults.showAdminDetails(), loaded.showAdminDetails());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClientSettingLeftOutOfASaveFallsBackToItsDefault(TestDatabase database) {
        Stores stores = database.emptyStores();
        stores.settings().save(withClientSettings(Map.of("FOLDER_MAX_FILE_COUNT", 12)), TestSettings.authDefaults());

        stores.settings().save(withClientSettings(Map.of()), TestSettings.authDefaults());

        assertEquals(Map.of("FOLDER_MAX_FILE_COUNT", 5),
                stores.settings().load(withClientSettings(Map.of("FOLDER_MAX_FILE_COUNT", 5))).clientSettings());
    }

    private static Map<String, String> rows(TestDatabase database) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = database.connect();
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT setting_key, setting_value FROM settings")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }

    private static void store(Connection connection, String key, String json) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, json);
            insert.executeUpdate();
        }
    }
}
