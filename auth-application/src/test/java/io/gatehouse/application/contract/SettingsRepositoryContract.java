package io.gatehouse.application.contract;

import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;

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
                changedLdap());

        stores.settings().save(changed, TestSettings.authDefaults());

        assertEquals(changed, stores.settings().load(TestSettings.authDefaults()));
    }

    @Test
    void clearingAValueTheEnvironmentSetsIsKept() {
        AuthSettings defaults = TestSettings.authDefaults();
        AuthSettings environment = new AuthSettings(true, Optional.of(EmailAddress.of("a@example.org")),
                defaults.webuiUrl(), true, true, false, false, List.of(), Role.PENDING,
                Optional.of(new GroupId("g")), defaults.tokenLifetime(), "", "", defaults.defaultPermissions(), Map.of(),
                defaults.ldap());
        AuthSettings cleared = new AuthSettings(true, Optional.empty(), defaults.webuiUrl(), true, true, false, false,
                List.of(), Role.PENDING, Optional.empty(), defaults.tokenLifetime(), "", "", defaults.defaultPermissions(),
                Map.of(), defaults.ldap());

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
                environment.defaultPermissions(), environment.clientSettings(), environment.ldap());

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
