package io.gatehouse.adapter.persistence.jdbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings in {@code settings}, one row per value under Open WebUI's persistent-config name, the value as JSON.
 * Client settings go under {@code client.<NAME>}. What the table lacks, or holds in a form this version cannot read,
 * keeps its default.
 */
final class JdbiSettingsRepository implements SettingsRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiSettingsRepository.class);

    private static final String SAVE_LOCK = "settings.save";
    private static final String CLIENT_PREFIX = "client.";
    private static final String SHOW_ADMIN_DETAILS = "auth.admin.show";
    private static final String ADMIN_EMAIL = "auth.admin.email";
    private static final String WEBUI_URL = "webui.url";
    private static final String SIGNUP_ENABLED = "ui.enable_signup";
    private static final String LOGIN_FORM_ENABLED = "ui.enable_login_form";
    private static final String API_KEYS_ENABLED = "auth.enable_api_keys";
    private static final String API_KEY_ENDPOINT_RESTRICTIONS = "auth.api_key.endpoint_restrictions";
    private static final String API_KEY_ALLOWED_ENDPOINTS = "auth.api_key.allowed_endpoints";
    private static final String DEFAULT_USER_ROLE = "ui.default_user_role";
    private static final String DEFAULT_GROUP_ID = "ui.default_group_id";
    private static final String TOKEN_LIFETIME = "auth.jwt_expiry";
    private static final String PENDING_OVERLAY_TITLE = "ui.pending_user_overlay_title";
    private static final String PENDING_OVERLAY_CONTENT = "ui.pending_user_overlay_content";
    private static final String DEFAULT_PERMISSIONS = "user.permissions";

    private final Database database;

    JdbiSettingsRepository(Database database) {
        this.database = database;
    }

    @Override
    public AuthSettings load(AuthSettings defaults) {
        // at start: plain JDBC
        Map<String, String> rows = database.query("SELECT setting_key, setting_value FROM settings", found -> {
            Map<String, String> settings = new HashMap<>();
            while (found.next()) {
                settings.put(found.getString(1), found.getString(2));
            }
            return settings;
        });
        return new AuthSettings(
                stored(rows, SHOW_ADMIN_DETAILS, JdbiSettingsRepository::bool).orElse(defaults.showAdminDetails()),
                stored(rows, ADMIN_EMAIL, node -> nullable(node, address -> new EmailAddress(text(address))))
                        .orElse(defaults.adminEmail()),
                stored(rows, WEBUI_URL, JdbiSettingsRepository::text).orElse(defaults.webuiUrl()),
                stored(rows, SIGNUP_ENABLED, JdbiSettingsRepository::bool).orElse(defaults.signupEnabled()),
                stored(rows, LOGIN_FORM_ENABLED, JdbiSettingsRepository::bool).orElse(defaults.loginFormEnabled()),
                stored(rows, API_KEYS_ENABLED, JdbiSettingsRepository::bool).orElse(defaults.apiKeysEnabled()),
                stored(rows, API_KEY_ENDPOINT_RESTRICTIONS, JdbiSettingsRepository::bool)
                        .orElse(defaults.apiKeyEndpointRestrictions()),
                stored(rows, API_KEY_ALLOWED_ENDPOINTS, JdbiSettingsRepository::texts)
                        .orElse(defaults.apiKeyAllowedEndpoints()),
                stored(rows, DEFAULT_USER_ROLE, node -> Role.fromWireName(text(node))
                        .orElseThrow(() -> new IllegalArgumentException("unknown role"))).orElse(defaults.defaultUserRole()),
                stored(rows, DEFAULT_GROUP_ID, node -> nullable(node, id -> new GroupId(text(id))))
                        .orElse(defaults.defaultGroupId()),
                stored(rows, TOKEN_LIFETIME, node -> TokenLifetime.parse(text(node))
                        .orElseThrow(() -> new IllegalArgumentException("not a lifetime"))).orElse(defaults.tokenLifetime()),
                stored(rows, PENDING_OVERLAY_TITLE, JdbiSettingsRepository::text).orElse(defaults.pendingOverlayTitle()),
                stored(rows, PENDING_OVERLAY_CONTENT, JdbiSettingsRepository::text)
                        .orElse(defaults.pendingOverlayContent()),
                stored(rows, DEFAULT_PERMISSIONS, node -> PermissionTree.of(Json.object(node)))
                        .orElse(defaults.defaultPermissions()),
                clientSettings(rows, defaults.clientSettings()),
                StoredLdapSettings.load(rows, defaults.ldap()),
                StoredOAuthSettings.load(rows, defaults.oauth()));
    }

    /**
     * Replaces every value in one transaction. Client settings that {@code settings} no longer has are deleted, so
     * that the table holds exactly what was saved last; the write lock keeps a concurrent save from interleaving.
     */
    @Override
    public void save(AuthSettings settings, AuthSettings defaults) {
        Map<String, Object> values = values(settings);
        Map<String, Object> defaultValues = values(defaults);
        Set<String> managedKeys = new LinkedHashSet<>(values.keySet());
        managedKeys.addAll(defaultValues.keySet());
        database.inTransaction(handle -> {
            Database.lock(handle, SAVE_LOCK);
            handle.createUpdate("DELETE FROM settings WHERE setting_key IN (<keys>) OR setting_key LIKE '"
                            + CLIENT_PREFIX + "%'")
                    .bindList("keys", List.copyOf(managedKeys))
                    .execute();
            PreparedBatch insert = handle.prepareBatch(
                    "INSERT INTO settings (setting_key, setting_value) VALUES (:key, :value)");
            values.forEach((key, value) -> {
                if (!defaultValues.containsKey(key) || !Objects.equals(value, defaultValues.get(key))) {
                    insert.bind("key", key).bind("value", Json.write(value)).add();
                }
            });
            return insert.size() == 0 ? new int[0] : insert.execute();
        });
    }

    /** Each value as the JSON it is stored as: absent optionals as {@code null}, so that they load back absent. */
    private static Map<String, Object> values(AuthSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(SHOW_ADMIN_DETAILS, settings.showAdminDetails());
        values.put(ADMIN_EMAIL, settings.adminEmail().map(EmailAddress::value).orElse(null));
        values.put(WEBUI_URL, settings.webuiUrl());
        values.put(SIGNUP_ENABLED, settings.signupEnabled());
        values.put(LOGIN_FORM_ENABLED, settings.loginFormEnabled());
        values.put(API_KEYS_ENABLED, settings.apiKeysEnabled());
        values.put(API_KEY_ENDPOINT_RESTRICTIONS, settings.apiKeyEndpointRestrictions());
        values.put(API_KEY_ALLOWED_ENDPOINTS, settings.apiKeyAllowedEndpoints());
        values.put(DEFAULT_USER_ROLE, settings.defaultUserRole().wireName());
        values.put(DEFAULT_GROUP_ID, settings.defaultGroupId().map(GroupId::value).orElse(null));
        values.put(TOKEN_LIFETIME, settings.tokenLifetime().text());
        values.put(PENDING_OVERLAY_TITLE, settings.pendingOverlayTitle());
        values.put(PENDING_OVERLAY_CONTENT, settings.pendingOverlayContent());
        values.put(DEFAULT_PERMISSIONS, settings.defaultPermissions().toMap());
        settings.clientSettings().forEach((name, value) -> values.put(CLIENT_PREFIX + name, value));
        values.putAll(StoredLdapSettings.values(settings.ldap()));
        values.putAll(StoredOAuthSettings.values(settings.oauth()));
        return values;
    }

    private static Map<String, Object> clientSettings(Map<String, String> rows, Map<String, Object> defaults) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        rows.keySet().stream().filter(key -> key.startsWith(CLIENT_PREFIX)).forEach(key ->
                stored(rows, key, JdbiSettingsRepository::scalar)
                        .ifPresent(node -> merged.put(key.substring(CLIENT_PREFIX.length()), Json.value(node))));
        return merged;
    }

    /**
     * The stored value of {@code key} as {@code reader} reads it; empty when there is none or it cannot be read.
     * The value may have been written by another version or by hand, so any failure to read it only costs the
     * setting its stored value; the warning names the key, never the value.
     */
    static <T> Optional<T> stored(Map<String, String> rows, String key, Function<JsonNode, T> reader) {
        String json = rows.get(key);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(Json.parse(json)));
        } catch (RuntimeException e) {
            LOG.warn("The stored setting {} cannot be read; its default applies", key);
            return Optional.empty();
        }
    }

    static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("not a boolean");
        }
        return node.booleanValue();
    }

    static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not a string");
        }
        return node.textValue();
    }

    static List<String> texts(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        List<String> texts = new ArrayList<>();
        node.forEach(element -> texts.add(text(element)));
        return texts;
    }

    /** JSON {@code null} is an absent value. */
    static <T> Optional<T> nullable(JsonNode node, Function<JsonNode, T> reader) {
        return node.isNull() ? Optional.empty() : Optional.of(reader.apply(node));
    }

    /** Client settings are JSON scalars: booleans, numbers, strings and null. */
    private static JsonNode scalar(JsonNode node) {
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("not a JSON scalar");
        }
        return node;
    }
}
