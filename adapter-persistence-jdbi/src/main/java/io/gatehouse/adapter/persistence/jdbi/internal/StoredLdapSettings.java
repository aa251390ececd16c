package io.gatehouse.adapter.persistence.jdbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.bool;
import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.stored;
import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.text;
import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.texts;

/**
 * LDAP settings as rows of {@code settings}, under Open WebUI's persistent-config names ({@code ldap.enable},
 * {@code ldap.server.*}, {@code ldap.group.*}, {@code ldap.servers}); the names Gatehouse adds follow the same scheme.
 * Each server of the list is one JSON object with the admin form's field names.
 */
final class StoredLdapSettings {

    private static final String ENABLED = "ldap.enable";
    private static final String SERVER = "ldap.server.";
    private static final String SERVERS = "ldap.servers";
    private static final String GROUP_MANAGEMENT = "ldap.group.enable_management";
    private static final String GROUP_CREATION = "ldap.group.enable_creation";
    private static final String ATTRIBUTE_FOR_GROUPS = "ldap.server.attribute_for_groups";
    private static final String GROUP_SEARCH_BASE = "ldap.group.search_base";
    private static final String BLOCKED_GROUPS = "ldap.group.blocked_groups";

    private StoredLdapSettings() {
    }

    static Map<String, Object> values(LdapSettings ldap) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ENABLED, ldap.enabled());
        // Open WebUI's single-server keys name a few fields differently from its admin form
        Map<String, Object> server = serverFields(ldap.server());
        server.put("app_password", server.remove("app_dn_password"));
        server.put("users_dn", server.remove("search_base"));
        server.put("search_filter", server.remove("search_filters"));
        server.put("ca_cert_file", server.remove("certificate_path"));
        server.forEach((field, value) -> values.put(SERVER + field, value));
        List<Map<String, Object>> servers = new ArrayList<>();
        ldap.servers().forEach(each -> servers.add(serverFields(each)));
        values.put(SERVERS, servers);
        values.put(GROUP_MANAGEMENT, ldap.groupManagement());
        values.put(GROUP_CREATION, ldap.groupCreation());
        values.put(ATTRIBUTE_FOR_GROUPS, ldap.attributeForGroups());
        values.put(GROUP_SEARCH_BASE, ldap.groupSearchBase());
        values.put(BLOCKED_GROUPS, ldap.blockedGroups());
        return values;
    }

    static LdapSettings load(Map<String, String> rows, LdapSettings defaults) {
        LdapServer fallback = defaults.server();
        LdapServer server = new LdapServer(
                stored(rows, SERVER + "label", JdbiSettingsRepository::text).orElse(fallback.label()),
                stored(rows, SERVER + "host", JdbiSettingsRepository::text).orElse(fallback.host()),
                stored(rows, SERVER + "port", StoredLdapSettings::port).orElse(fallback.port()),
                stored(rows, SERVER + "attribute_for_mail", JdbiSettingsRepository::text)
                        .orElse(fallback.attributeForMail()),
                stored(rows, SERVER + "attribute_for_username", JdbiSettingsRepository::text)
                        .orElse(fallback.attributeForUsername()),
                stored(rows, SERVER + "app_dn", JdbiSettingsRepository::text).orElse(fallback.appDn()),
                stored(rows, SERVER + "app_password", JdbiSettingsRepository::text).orElse(fallback.appPassword()),
                stored(rows, SERVER + "users_dn", JdbiSettingsRepository::text).orElse(fallback.searchBase()),
                stored(rows, SERVER + "search_filter", JdbiSettingsRepository::text).orElse(fallback.searchFilters()),
                stored(rows, SERVER + "use_tls", JdbiSettingsRepository::bool).orElse(fallback.useTls()),
                stored(rows, SERVER + "start_tls", JdbiSettingsRepository::bool).orElse(fallback.startTls()),
                stored(rows, SERVER + "ca_cert_file", JdbiSettingsRepository::text)
                        .orElse(fallback.certificatePath()),
                stored(rows, SERVER + "validate_cert", JdbiSettingsRepository::bool).orElse(fallback.validateCert()),
                stored(rows, SERVER + "ciphers", JdbiSettingsRepository::text).orElse(fallback.ciphers()));
        return new LdapSettings(
                stored(rows, ENABLED, JdbiSettingsRepository::bool).orElse(defaults.enabled()),
                server,
                stored(rows, SERVERS, StoredLdapSettings::servers).orElse(defaults.servers()),
                stored(rows, GROUP_MANAGEMENT, JdbiSettingsRepository::bool).orElse(defaults.groupManagement()),
                stored(rows, GROUP_CREATION, JdbiSettingsRepository::bool).orElse(defaults.groupCreation()),
                stored(rows, ATTRIBUTE_FOR_GROUPS, JdbiSettingsRepository::text).orElse(defaults.attributeForGroups()),
                stored(rows, GROUP_SEARCH_BASE, JdbiSettingsRepository::text).orElse(defaults.groupSearchBase()),
                stored(rows, BLOCKED_GROUPS, JdbiSettingsRepository::texts).orElse(defaults.blockedGroups()));
    }

    /** A server under the admin form's field names. */
    private static Map<String, Object> serverFields(LdapServer server) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", server.label());
        fields.put("host", server.host());
        fields.put("port", server.port().orElse(null));
        fields.put("attribute_for_mail", server.attributeForMail());
        fields.put("attribute_for_username", server.attributeForUsername());
        fields.put("app_dn", server.appDn());
        fields.put("app_dn_password", server.appPassword());
        fields.put("search_base", server.searchBase());
        fields.put("search_filters", server.searchFilters());
        fields.put("use_tls", server.useTls());
        fields.put("start_tls", server.startTls());
        fields.put("certificate_path", server.certificatePath());
        fields.put("validate_cert", server.validateCert());
        fields.put("ciphers", server.ciphers());
        return fields;
    }

    private static List<LdapServer> servers(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        List<LdapServer> servers = new ArrayList<>();
        for (JsonNode server : node) {
            servers.add(new LdapServer(text(server.path("label")), text(server.path("host")), port(server.path("port")),
                    text(server.path("attribute_for_mail")), text(server.path("attribute_for_username")),
                    text(server.path("app_dn")), text(server.path("app_dn_password")),
                    text(server.path("search_base")), text(server.path("search_filters")),
                    bool(server.path("use_tls")), bool(server.path("start_tls")),
                    text(server.path("certificate_path")), bool(server.path("validate_cert")),
                    text(server.path("ciphers"))));
        }
        return servers;
    }

    /** A port number, or {@code null} for the protocol's default. */
    private static Optional<Integer> port(JsonNode node) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("not a port");
        }
        return Optional.of(node.intValue());
    }
}
