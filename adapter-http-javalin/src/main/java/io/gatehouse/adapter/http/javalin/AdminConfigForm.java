package io.gatehouse.adapter.http.javalin;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Open WebUI's admin configuration form ({@code GET|POST /api/v1/auths/admin/config}, §10.2) to and from
 * {@link AuthSettings}. Fields Gatehouse acts on are typed and validated (an invalid role or lifetime is a 422, where
 * Open WebUI silently keeps the old value); the front end's own switches are stored and returned as they are. A field
 * the request leaves out keeps its value.
 */
final class AdminConfigForm {

    /** Front-end switches of the form: name, kind, Open WebUI's default. */
    private static final List<ClientSetting> CLIENT_SETTINGS = List.of(
            new ClientSetting("ENABLE_COMMUNITY_SHARING", Kind.SWITCH, true),
            new ClientSetting("ENABLE_MESSAGE_RATING", Kind.SWITCH, true),
            new ClientSetting("ENABLE_FOLDERS", Kind.SWITCH, true),
            new ClientSetting("FOLDER_MAX_FILE_COUNT", Kind.COUNT, ""),
            new ClientSetting("ENABLE_AUTOMATIONS", Kind.SWITCH, false),
            new ClientSetting("AUTOMATION_MAX_COUNT", Kind.COUNT, ""),
            new ClientSetting("AUTOMATION_MIN_INTERVAL", Kind.COUNT, ""),
            new ClientSetting("ENABLE_CHANNELS", Kind.SWITCH, false),
            new ClientSetting("ENABLE_CALENDAR", Kind.SWITCH, false),
            new ClientSetting("ENABLE_MEMORIES", Kind.SWITCH, true),
            new ClientSetting("ENABLE_NOTES", Kind.SWITCH, true),
            new ClientSetting("CHANNEL_MODEL_RESPONSE_MODE", Kind.TEXT, "thread"),
            new ClientSetting("ENABLE_MEMORY_SYSTEM_CONTEXT", Kind.SWITCH, false),
            new ClientSetting("ENABLE_USER_WEBHOOKS", Kind.SWITCH, true),
            new ClientSetting("ENABLE_USER_STATUS", Kind.SWITCH, true),
            new ClientSetting("RESPONSE_WATERMARK", Kind.TEXT, ""));

    private AdminConfigForm() {
    }

    static Map<String, Object> toWire(AuthSettings settings) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("SHOW_ADMIN_DETAILS", settings.showAdminDetails());
        form.put("ADMIN_EMAIL", settings.adminEmail().map(EmailAddress::value).orElse(null));
        form.put("WEBUI_URL", settings.webuiUrl());
        form.put("ENABLE_SIGNUP", settings.signupEnabled());
        form.put("ENABLE_API_KEYS", settings.apiKeysEnabled());
        form.put("ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS", settings.apiKeyEndpointRestrictions());
        form.put("API_KEYS_ALLOWED_ENDPOINTS", String.join(",", settings.apiKeyAllowedEndpoints()));
        form.put("DEFAULT_USER_ROLE", settings.defaultUserRole().wireName());
        form.put("DEFAULT_GROUP_ID", settings.defaultGroupId().map(GroupId::value).orElse(""));
        form.put("JWT_EXPIRES_IN", settings.tokenLifetime().text());
        form.put("PENDING_USER_OVERLAY_TITLE", settings.pendingOverlayTitle());
        form.put("PENDING_USER_OVERLAY_CONTENT", settings.pendingOverlayContent());
        for (ClientSetting setting : CLIENT_SETTINGS) {
            form.put(setting.name, settings.clientSettings().getOrDefault(setting.name, setting.defaultValue));
        }
        return form;
    }

    /** The settings after applying the form; a 422 listing every invalid field otherwise. */
    static AuthSettings fromWire(Map<String, Object> form, AuthSettings current) {
        Reader reader = new Reader(form);
        boolean showAdminDetails = reader.bool("SHOW_ADMIN_DETAILS", current.showAdminDetails());
        Optional<EmailAddress> adminEmail = reader.optionalText("ADMIN_EMAIL", current.adminEmail().map(EmailAddress::value))
                .flatMap(text -> reader.parsed("ADMIN_EMAIL", EmailAddress.parse(text), "Input should be a valid e-mail address"));
        String webuiUrl = reader.text("WEBUI_URL", current.webuiUrl());
        reader.check(webuiUrl.isEmpty() || isWebUrl(webuiUrl), "WEBUI_URL", "Input should be an http(s) URL");
        boolean signupEnabled = reader.bool("ENABLE_SIGNUP", current.signupEnabled());
        boolean apiKeysEnabled = reader.bool("ENABLE_API_KEYS", current.apiKeysEnabled());
        boolean restrictions = reader.bool("ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS", current.apiKeyEndpointRestrictions());
        List<String> allowedEndpoints = Arrays.stream(reader.text("API_KEYS_ALLOWED_ENDPOINTS",
                        String.join(",", current.apiKeyAllowedEndpoints())).split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty()).collect(Collectors.toList());
        Role role = reader.parsed("DEFAULT_USER_ROLE",
                Role.fromWireName(reader.text("DEFAULT_USER_ROLE", current.defaultUserRole().wireName())),
                "Input should be 'pending', 'user' or 'admin'").orElse(current.defaultUserRole());
        String groupText = reader.text("DEFAULT_GROUP_ID", current.defaultGroupId().map(GroupId::value).orElse(""));
        reader.check(groupText.length() <= 64, "DEFAULT_GROUP_ID", "Input should be a group id");
        Optional<GroupId> defaultGroup = groupText.isBlank() || groupText.length() > 64
                ? Optional.empty() : Optional.of(new GroupId(groupText.strip()));
        TokenLifetime lifetime = reader.parsed("JWT_EXPIRES_IN",
                TokenLifetime.parseSingle(reader.text("JWT_EXPIRES_IN", current.tokenLifetime().text())),
                "Input should be -1, 0 or one amount with a unit: ms, s, m, h, d or w (e.g. 4w)")
                .orElse(current.tokenLifetime());
        String overlayTitle = reader.optionalText("PENDING_USER_OVERLAY_TITLE", Optional.of(current.pendingOverlayTitle())).orElse("");
        String overlayContent = reader.optionalText("PENDING_USER_OVERLAY_CONTENT", Optional.of(current.pendingOverlayContent())).orElse("");
        Map<String, Object> client = new LinkedHashMap<>(current.clientSettings());
        for (ClientSetting setting : CLIENT_SETTINGS) {
            if (form.containsKey(setting.name)) {
                reader.client(setting).ifPresent(value -> client.put(setting.name, value));
            }
        }
        reader.problems.throwIfAny();
        return new AuthSettings(showAdminDetails, adminEmail, webuiUrl, signupEnabled, current.loginFormEnabled(),
                apiKeysEnabled, restrictions, allowedEndpoints, role, defaultGroup, lifetime, overlayTitle,
                overlayContent, current.defaultPermissions(), client, current.ldap(), current.oauth());
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    private enum Kind {
        SWITCH,
        /** A whole number of at least zero, or empty: Open WebUI stores an empty value as {@code ""}. */
        COUNT,
        TEXT
    }

    private static final class ClientSetting {
        final String name;
        final Kind kind;
        final Object defaultValue;

        ClientSetting(String name, Kind kind, Object defaultValue) {
            this.name = name;
            this.kind = kind;
            this.defaultValue = defaultValue;
        }
    }

    /** Typed reads from the form, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, Object> form;
        private final Json.Problems problems = new Json.Problems();

        Reader(Map<String, Object> form) {
            this.form = form;
        }

        boolean bool(String name, boolean fallback) {
            Object value = form.get(name);
            if (!form.containsKey(name)) {
                return fallback;
            }
            check(value instanceof Boolean, name, "Input should be a valid boolean");
            return value instanceof Boolean ? (Boolean) value : fallback;
        }

        String text(String name, String fallback) {
            Object value = form.get(name);
            if (!form.containsKey(name)) {
                return fallback;
            }
            check(value instanceof String && ((String) value).length() <= 2000, name, "Input should be a valid string");
            return value instanceof String ? (String) value : fallback;
        }

        /** Text that may be null or empty, meaning "none". */
        Optional<String> optionalText(String name, Optional<String> fallback) {
            if (!form.containsKey(name)) {
                return fallback;
            }
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            String text = text(name, "");
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }

        <T> Optional<T> parsed(String name, Optional<T> value, String message) {
            check(value.isPresent(), name, message);
            return value;
        }

        Optional<Object> client(ClientSetting setting) {
            Object value = form.get(setting.name);
            switch (setting.kind) {
                case SWITCH:
                    check(value instanceof Boolean, setting.name, "Input should be a valid boolean");
                    return value instanceof Boolean ? Optional.of(value) : Optional.empty();
                case COUNT:
                    if (value == null || "".equals(value) || Integer.valueOf(0).equals(value)) {
                        return Optional.of("");
                    }
                    boolean count = value instanceof Integer && (Integer) value > 0;
                    check(count, setting.name, "Input should be a whole number or empty");
                    return count ? Optional.of(value) : Optional.empty();
                default:
                    boolean text = value == null || value instanceof String && ((String) value).length() <= 2000;
                    check(text, setting.name, "Input should be a valid string");
                    return text ? Optional.of(value == null ? "" : value) : Optional.empty();
            }
        }

        void check(boolean ok, String name, String message) {
            problems.check(ok, name, message);
        }
    }
}
