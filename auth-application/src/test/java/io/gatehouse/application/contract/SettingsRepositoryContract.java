package io.gatehouse.application.contract;

import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link io.gatehouse.application.port.out.SettingsRepository} does. */
public abstract class SettingsRepositoryContract extends StoresContract {

    @Test
    void withNothingStoredTheDefaultsApply() {
        AuthSettings defaults = TestSettings.authDefaults();

        assertEquals(defaults, stores.settings().load(defaults));
    }

    @Test
    void storedValuesWinOverTheDefaults() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("ENABLE_NOTES", false);
        client.put("FOLDER_MAX_FILE_COUNT", 12);
        client.put("RESPONSE_WATERMARK", "internal");
        AuthSettings changed = new AuthSettings(false, Optional.of(EmailAddress.of("boss@example.org")),
                "https://chat.example.org", false, false, true, true, List.of("/api/v1/models", "/api/chat"),
                Role.USER, Optional.of(new GroupId("g-1")), TokenLifetime.parse("1h30m").orElseThrow(),
                "Wait", "An admin will let you in.",
                PermissionTree.of(Map.of("features", Map.of("api_keys", true), "chat", Map.of("call", false))), client,
                changedLdap(), changedOAuth());

        stores.settings().save(changed, TestSettings.authDefaults());

        assertEquals(changed, stores.settings().load(TestSettings.authDefaults()));
    }

    @Test
    void clearingAValueTheEnvironmentSetsIsKept() {
        AuthSettings defaults = TestSettings.authDefaults();
        AuthSettings environment = new AuthSettings(true, Optional.of(EmailAddress.of("a@example.org")),
                defaults.webuiUrl(), true, true, false, false, List.of(), Role.PENDING,
                Optional.of(new GroupId("g")), defaults.tokenLifetime(), "", "", defaults.defaultPermissions(), Map.of(),
                defaults.ldap(), defaults.oauth());
        AuthSettings cleared = new AuthSettings(true, Optional.empty(), defaults.webuiUrl(), true, true, false, false,
                List.of(), Role.PENDING, Optional.empty(), defaults.tokenLifetime(), "", "", defaults.defaultPermissions(),
                Map.of(), defaults.ldap(), defaults.oauth());

        stores.settings().save(cleared, environment);

        AuthSettings loaded = stores.settings().load(environment);
        assertEquals(Optional.empty(), loaded.adminEmail());
        assertEquals(Optional.empty(), loaded.defaultGroupId());
    }

    @Test
    void onlyWhatDiffersFromTheDefaultsIsKeptSoTheEnvironmentStillGovernsTheRest() {
        AuthSettings environment = TestSettings.authDefaults();
        stores.settings().save(environment.withSignupEnabled(false), environment);
        AuthSettings changedEnvironment = new AuthSettings(environment.showAdminDetails(), environment.adminEmail(),
                "https://new.example.org", true, environment.loginFormEnabled(), environment.apiKeysEnabled(),
                environment.apiKeyEndpointRestrictions(), environment.apiKeyAllowedEndpoints(), Role.USER,
                environment.defaultGroupId(), TokenLifetime.parse("1h").orElseThrow(), "", "",
                environment.defaultPermissions(), environment.clientSettings(), environment.ldap(),
                environment.oauth());

        AuthSettings loaded = stores.settings().load(changedEnvironment);

        assertEquals(false, loaded.signupEnabled(), "the stored change wins");
        assertEquals(Role.USER, loaded.defaultUserRole(), "an unchanged setting follows the new environment");
        assertEquals("1h", loaded.tokenLifetime().text());
        assertEquals("https://new.example.org", loaded.webuiUrl());
    }

    @Test
    void ldapServersAndGroupRulesAreKeptWithTheirPassword() {
        AuthSettings defaults = TestSettings.authDefaults();
        AuthSettings changed = defaults.withLdap(changedLdap());

        stores.settings().save(changed, defaults);

        assertEquals(changedLdap(), stores.settings().load(defaults).ldap());
    }

    @Test
    void everySingleSignOnSettingAnAdminChangesIsStored() {
        AuthSettings defaults = TestSettings.authDefaults();

        stores.settings().save(defaults.withOAuth(changedOAuth()), defaults);

        assertEquals(changedOAuth(), stores.settings().load(defaults).oauth());
    }

    /** Every single sign-on value an admin can change different from the defaults. */
    public static OAuthSettings changedOAuth() {
        OAuthPolicy defaults = OAuthPolicy.defaults();
        OAuthPolicy policy = new OAuthPolicy(true, true, "mail", "preferred_username", defaults.emailFallback(),
                List.of("example.org", "example.com"), true, true,
                new RoleMapping(true, new ClaimMapping("realm_access.roles", defaults.roles().claim().separator()),
                        List.of("staff"), List.of("ops", "root"), defaults.roles().pendingRoles(),
                        defaults.roles().failClosed()),
                true, new ClaimMapping("memberOf", defaults.groupsClaim().separator()), true,
                List.of("admins", "temp-*"));
        OpenIdClient client = new OpenIdClient("Corp SSO",
                Optional.of(URI.create("https://sso.example.org/.well-known/openid-configuration")), "gatehouse",
                Optional.of("s3cret"), Optional.of(URI.create("https://chat.example.org/oauth/oidc/callback")),
                "openid email", Optional.of("S256"), Optional.of("client_secret_post"),
                Optional.of(URI.create("https://sso.example.org/logout")), Optional.of(Duration.ofSeconds(20)),
                Optional.of("oid"), Optional.of("https://api.example.org"));
        return new OAuthSettings(false, policy, new PictureSync("avatar", true), true, ShareSetting.MEMBERS, client,
                Optional.of(Duration.ofSeconds(30)), true);
    }

    /** Every LDAP value different from the defaults, two servers in the list. */
    private static LdapSettings changedLdap() {
        LdapServer corp = new LdapServer("Corp AD", "ad.example.org", Optional.of(3269), "userPrincipalName",
                "sAMAccountName", "CN=svc,OU=Service,DC=example,DC=org", "s3cret", "DC=example,DC=org",
                "(objectClass=user)", true, false, "/etc/ssl/ad.pem", false, "TLS_AES_256_GCM_SHA384");
        LdapServer backup = new LdapServer("Backup", "ldap2.example.org", Optional.empty(), "mail", "uid", "", "",
                "ou=people,dc=example,dc=org", "", false, true, "", true, "ALL");
        return new LdapSettings(true, corp, List.of(corp, backup), true, true, "isMemberOf", "ou=groups,dc=example,dc=org",
                List.of("admins", "temp-*"));
    }
}
