package io.gatehouse.bootstrap;

import io.gatehouse.adapter.oauth.pac4j.ProviderSettings;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OpenIdClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LDAP, single sign-on and trusted-header settings as the environment gives them. */
class IdentityConfigTest {

    private static final String KEY = "identity-config-test-key-0123456789abcdef";

    private static GatehouseConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("WEBUI_SECRET_KEY", KEY);
        env.put("DATA_DIR", Path.of("target", "identity-config").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return GatehouseConfig.fromEnvironment(env);
    }

    private static String problems(String... pairs) {
        return assertThrows(ConfigurationException.class, () -> config(pairs)).getMessage();
    }

    @Test
    void openWebUisLdapVariablesMakeTheServerAndTheGroupRules() {
        LdapSettings ldap = config("ENABLE_LDAP", "true", "LDAP_SERVER_HOST", "dc01.corp", "LDAP_SERVER_PORT", "636",
                "LDAP_ATTRIBUTE_FOR_USERNAME", "sAMAccountName", "LDAP_APP_DN", "CN=svc", "LDAP_APP_PASSWORD", "pw",
                "LDAP_SEARCH_BASE", "DC=corp", "LDAP_SEARCH_FILTERS", "(objectClass=user)", "LDAP_USE_TLS", "false",
                "LDAP_USE_STARTTLS", "true", "ENABLE_LDAP_GROUP_MANAGEMENT", "true",
                "LDAP_BLOCKED_GROUPS", "[\"Domain Admins\", \"temp-*\"]").settingsDefaults().ldap();

        assertTrue(ldap.enabled());
        LdapServer server = ldap.server();
        assertEquals("dc01.corp", server.host());
        assertEquals(636, server.effectivePort());
        assertEquals("sAMAccountName", server.attributeForUsername());
        assertEquals("(objectClass=user)", server.searchFilters(), "the plural alias is read");
        assertFalse(server.useTls());
        assertTrue(server.startTls());
        assertTrue(ldap.groupManagement());
        assertEquals(List.of("Domain Admins", "temp-*"), ldap.blockedGroups());
        assertFalse(server.toString().contains("pw"), server.toString());
    }

    @Test
    void malformedLdapValuesStopTheStart() {
        assertTrue(problems("LDAP_SERVER_PORT", "70000").contains("LDAP_SERVER_PORT"));
        assertTrue(problems("LDAP_BLOCKED_GROUPS", "[\"unclosed\"").contains("LDAP_BLOCKED_GROUPS"));
        assertTrue(problems("LDAP_RESPONSE_TIMEOUT", "0").contains("LDAP_RESPONSE_TIMEOUT"));
    }

    @Test
    void eachProviderIsOnWhenItsClientIsSetAndSeveralOpenIdProvidersCanBe() {
        GatehouseConfig config = config("GOOGLE_CLIENT_ID", "g", "GOOGLE_CLIENT_SECRET", "gs",
                "GITHUB_CLIENT_ID", "h", "GITHUB_CLIENT_SECRET", "hs",
                "OAUTH_CLIENT_ID", "o", "OPENID_PROVIDER_URL", "https://sso.example/.well-known/openid-configuration",
                "OAUTH_PROVIDER_NAME", "Corp", "OAUTH_AUTHORIZE_PARAMS", "{\"prompt\": \"login\"}",
                "OAUTH_PROVIDERS", "okta", "OAUTH_OKTA_CLIENT_ID", "k",
                "OAUTH_OKTA_PROVIDER_URL", "https://okta.example/.well-known/openid-configuration");

        List<ProviderSettings> providers = config.oauth().providers();
        assertEquals(List.of("google", "github", "okta"),
                providers.stream().map(ProviderSettings::id).collect(Collectors.toList()),
                "the generic provider is a run-time setting, made with the others from the settings in force");
        assertEquals(Optional.empty(), providers.get(2).clientSecret(), "a public client");
        OpenIdClient corp = config.settingsDefaults().oauth().openId();
        assertTrue(corp.isConfigured());
        assertEquals("Corp", corp.providerName());
        assertEquals(Map.of("prompt", "login"), config.oauth().openIdAuthorizeParams());
        assertEquals(List.of("google", "github", "okta", "oidc"), new SettingsIdentityProviderFactory(providers,
                config.oauth().openIdAuthorizeParams(), false, java.time.Clock.systemUTC())
                .providersFor(config.settingsDefaults().oauth()).all().stream()
                .map(io.gatehouse.application.port.out.oauth.IdentityProvider::id).collect(Collectors.toList()));
        assertTrue(problems("OAUTH_PROVIDERS", "oidc", "OAUTH_OIDC_CLIENT_ID", "x", "OAUTH_OIDC_PROVIDER_URL",
                "https://x.example/.well-known/openid-configuration").contains("'oidc'"), "the id is taken");
    }

    @Test
    void theSingleSignOnPageSettingsAndTheirPersistenceFollowOpenWebUisVariables() {
        GatehouseConfig defaults = config();
        GatehouseConfig set = config("OAUTH_AUTO_REDIRECT", "true", "OAUTH_GROUP_DEFAULT_SHARE", "members",
                "ENABLE_OAUTH_PERSISTENT_CONFIG", "true", "ENABLE_OAUTH", "false", "OAUTH_CLIENT_TIMEOUT", "30",
                "OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE", "true");

        assertFalse(defaults.settingsDefaults().oauth().autoRedirect());
        assertFalse(defaults.oauth().clientIdInCodeExchange());
        assertTrue(config("OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID", "true").oauth().clientIdInCodeExchange());
        assertEquals(ShareSetting.ANYONE, defaults.settingsDefaults().oauth().groupDefaultShare());
        assertFalse(defaults.oauth().persistentSettings(), "env wins by default, as in Open WebUI");
        assertTrue(defaults.settingsDefaults().oauth().enabled());
        assertTrue(set.settingsDefaults().oauth().autoRedirect());
        assertEquals(ShareSetting.MEMBERS, set.settingsDefaults().oauth().groupDefaultShare());
        assertEquals(ShareSetting.NOBODY, config("OAUTH_GROUP_DEFAULT_SHARE", "False").settingsDefaults().oauth()
                .groupDefaultShare());
        assertTrue(set.oauth().persistentSettings());
        assertFalse(set.settingsDefaults().oauth().enabled());
        assertEquals(Optional.of(java.time.Duration.ofSeconds(30)), set.settingsDefaults().oauth().clientTimeout());
        assertTrue(set.settingsDefaults().oauth().refreshTokenIncludeScope());
    }

    @Test
    void anUnknownGroupShareStopsTheStart() {
        String problems = problems("OAUTH_GROUP_DEFAULT_SHARE", "everyone");

        assertTrue(problems.contains("OAUTH_GROUP_DEFAULT_SHARE must be true, false or members, not 'everyone'"),
                problems);
    }

    @Test
    void halfConfiguredProvidersStopTheStartWithoutShowingSecrets() {
        String problems = problems("GOOGLE_CLIENT_ID", "g", "MICROSOFT_CLIENT_ID", "m", "MICROSOFT_CLIENT_SECRET",
                "hidden-secret", "OAUTH_CLIENT_ID", "o", "OAUTH_PROVIDERS", "Bad Id,okta",
                "OAUTH_AUTHORIZE_PARAMS", "[1]");

        assertTrue(problems.contains("GOOGLE_CLIENT_SECRET"), problems);
        assertTrue(problems.contains("MICROSOFT_CLIENT_TENANT_ID"), problems);
        assertTrue(problems.contains("OPENID_PROVIDER_URL"), problems);
        assertTrue(problems.contains("'Bad Id'"), problems);
        assertTrue(problems.contains("OAUTH_OKTA_CLIENT_ID"), problems);
        assertFalse(problems.contains("hidden-secret"), problems);
    }

    @Test
    void theAccountRulesFollowOpenWebUisVariables() {
        OAuthPolicy policy = config("ENABLE_OAUTH_SIGNUP", "true", "OAUTH_MERGE_ACCOUNTS_BY_EMAIL", "true",
                "OAUTH_ALLOWED_DOMAINS", "example.org, corp.example", "ENABLE_OAUTH_ROLE_MANAGEMENT", "true",
                "OAUTH_ROLES_CLAIM", "realm_access.roles", "OAUTH_ADMIN_ROLES", "", "OAUTH_ALLOWED_ROLES", "staff",
                "OAUTH_ROLES_FAIL_CLOSED", "true", "OAUTH_GROUP_CLAIM", "teams", "OAUTH_BLOCKED_GROUPS", "[\"admins\"]")
                .oauth().policy();

        assertTrue(policy.signupEnabled());
        assertTrue(policy.mergeByEmail());
        assertEquals(List.of("example.org", "corp.example"), policy.allowedDomains());
        assertEquals("realm_access.roles", policy.roles().claim().path());
        assertEquals(List.of("staff"), policy.roles().allowedRoles());
        assertTrue(policy.roles().failClosed());
        assertEquals("teams", policy.groupsClaim().path(), "the singular alias is read");
        assertEquals(List.of("admins"), policy.blockedGroups());
        assertEquals(OAuthPolicy.defaults(), config().oauth().policy());
        assertEquals(List.of("admin"), policy.roles().adminRoles(), "an empty OAUTH_ADMIN_ROLES keeps the default");
    }

    @Test
    void trustedHeadersNeedTrustedProxies() {
        assertTrue(problems("WEBUI_AUTH_TRUSTED_EMAIL_HEADER", "X-Email").contains("TRUSTED_PROXY_CIDRS"));
        assertEquals("X-Email", config("WEBUI_AUTH_TRUSTED_EMAIL_HEADER", "X-Email", "TRUSTED_PROXY_CIDRS",
                "10.0.0.0/8").http().trustedHeaders().orElseThrow().email());
    }

    @Test
    void perProviderScopesRedirectUrisAndParametersAreOpenWebUis() {
        GatehouseConfig config = config("GOOGLE_CLIENT_ID", "g", "GOOGLE_CLIENT_SECRET", "gs",
                "GOOGLE_OAUTH_SCOPE", "openid email", "GOOGLE_OAUTH_AUTHORIZE_PARAMS", "{\"hd\": \"corp.com\"}",
                "GOOGLE_REDIRECT_URI", "https://chat.example.org/oauth/google/login/callback",
                "MICROSOFT_CLIENT_ID", "m", "MICROSOFT_CLIENT_SECRET", "ms", "MICROSOFT_CLIENT_TENANT_ID", "t1",
                "MICROSOFT_CLIENT_LOGIN_BASE_URL", "https://login.microsoftonline.us",
                "GITHUB_CLIENT_ID", "h", "GITHUB_CLIENT_SECRET", "hs", "GITHUB_CLIENT_SCOPE", "read:user user:email",
                "OAUTH_CODE_CHALLENGE_METHOD", "S256");

        ProviderSettings google = config.oauth().providers().get(0);
        assertEquals(List.of("openid", "email"), google.scopes());
        assertEquals(Map.of("hd", "corp.com"), google.authorizeParams());
        assertEquals(Map.of("google", java.net.URI.create("https://chat.example.org/oauth/google/login/callback")),
                config.oauth().redirectUris());
        assertTrue(config.oauth().providers().get(1).discoveryUrl().orElseThrow().toString()
                .startsWith("https://login.microsoftonline.us/t1/"));
        assertEquals(List.of("read:user", "user:email"), config.oauth().providers().get(2).scopes());
        assertTrue(problems("OAUTH_CODE_CHALLENGE_METHOD", "plain").contains("S256"));
        assertEquals(Optional.of(java.net.URI.create("https://chat.example.org/oauth/oidc/login/callback")),
                config("OPENID_REDIRECT_URI", "https://chat.example.org/oauth/oidc/login/callback")
                        .settingsDefaults().oauth().openId().redirectUri());
    }

    @Test
    void appleIsConfiguredWithLibreChatsVariablesAndItsKeyFile() throws Exception {
        java.nio.file.Path key = java.nio.file.Files.createTempFile("AuthKey", ".p8");
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try {
            GatehouseConfig config = config("APPLE_CLIENT_ID", "org.example.chat", "APPLE_TEAM_ID", "TEAM123456",
                    "APPLE_KEY_ID", "KEY1234567", "APPLE_PRIVATE_KEY_PATH", key.toString(),
                    "APPLE_CALLBACK_URL", "https://chat.example.org/oauth/apple/callback");

            ProviderSettings apple = config.oauth().providers().get(0);
            assertEquals("apple", apple.id());
            assertFalse(apple.toString().contains("PRIVATE KEY"), apple.toString());
            assertEquals(java.net.URI.create("https://chat.example.org/oauth/apple/callback"),
                    config.oauth().redirectUris().get("apple"));
        } finally {
            java.nio.file.Files.delete(key);
        }
        assertTrue(problems("APPLE_CLIENT_ID", "x").contains("APPLE_TEAM_ID"));
        assertTrue(problems("APPLE_CLIENT_ID", "x", "APPLE_TEAM_ID", "t", "APPLE_KEY_ID", "k",
                "APPLE_PRIVATE_KEY_PATH", "/nonexistent/AuthKey.p8").contains("cannot be read"));
    }
}
