package io.gatehouse.adapter.http.javalin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.oauth.RoleMapping;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Open WebUI's {@code OAuthConfigForm} ({@code GET|POST /api/v1/auths/admin/config/oauth}, §10.4) to and from
 * {@link OAuthSettings}. Every field is optional and only those given (not {@code null}) change; the comma lists are
 * texts on the wire, {@code OAUTH_BLOCKED_GROUPS} a JSON array in a text. The client secret is write-only: it is never
 * sent back, and a blank one keeps the stored secret. A field of the wrong type or form is a 422 naming it; values the
 * domain refuses together (an auth method that needs a secret there is none of) are the caller's 400.
 */
final class OAuthConfigForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 2000;
    private static final int MAX_CLIENT_TIMEOUT = 86_400;

    private OAuthConfigForm() {
    }

    /** Every field but the secret, under Open WebUI's names. */
    static Map<String, Object> toWire(OAuthSettings oauth) {
        OAuthPolicy policy = oauth.policy();
        OpenIdClient client = oauth.openId();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("ENABLE_OAUTH", oauth.enabled());
        form.put("ENABLE_OAUTH_SIGNUP", policy.signupEnabled());
        form.put("OAUTH_MERGE_ACCOUNTS_BY_EMAIL", policy.mergeByEmail());
        form.put("OAUTH_AUTO_REDIRECT", oauth.autoRedirect());
        form.put("OAUTH_ALLOWED_DOMAINS", String.join(",", policy.allowedDomains()));
        form.put("OAUTH_BLOCKED_GROUPS", jsonArray(policy.blockedGroups()));
        form.put("ENABLE_OAUTH_ROLE_MANAGEMENT", policy.roles().managed());
        form.put("OAUTH_ROLES_CLAIM", policy.roles().claim().path());
        form.put("OAUTH_ADMIN_ROLES", String.join(",", policy.roles().adminRoles()));
        form.put("OAUTH_ALLOWED_ROLES", String.join(",", policy.roles().allowedRoles()));
        form.put("ENABLE_OAUTH_GROUP_MANAGEMENT", policy.groupsManaged());
        form.put("ENABLE_OAUTH_GROUP_CREATION", policy.groupCreation());
        form.put("OAUTH_GROUP_CLAIM", policy.groupsClaim().path());
        form.put("OAUTH_GROUP_DEFAULT_SHARE", oauth.groupDefaultShare().jsonValue());
        form.put("OAUTH_PROVIDER_NAME", client.providerName());
        form.put("OPENID_PROVIDER_URL", client.providerUrl().map(URI::toString).orElse(""));
        form.put("OAUTH_CLIENT_ID", client.clientId());
        form.put("OPENID_REDIRECT_URI", client.redirectUri().map(URI::toString).orElse(""));
        form.put("OAUTH_SCOPES", client.scopes());
        form.put("OAUTH_CODE_CHALLENGE_METHOD", client.codeChallengeMethod().orElse(""));
        form.put("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", client.tokenEndpointAuthMethod().orElse(""));
        form.put("OPENID_END_SESSION_ENDPOINT", client.endSessionEndpoint().map(URI::toString).orElse(""));
        form.put("OAUTH_TIMEOUT", client.timeout().<Object>map(Duration::toSeconds).orElse(""));
        form.put("OAUTH_CLIENT_TIMEOUT", oauth.clientTimeout().<Object>map(Duration::toSeconds).orElse(""));
        form.put("OAUTH_EMAIL_CLAIM", policy.emailClaim());
        form.put("OAUTH_USERNAME_CLAIM", policy.usernameClaim());
        form.put("OAUTH_PICTURE_CLAIM", oauth.pictures().claim());
        form.put("OAUTH_SUB_CLAIM", client.subClaim().orElse(""));
        form.put("OAUTH_AUDIENCE", client.audience().orElse(""));
        form.put("OAUTH_UPDATE_EMAIL_ON_LOGIN", policy.updateEmailOnLogin());
        form.put("OAUTH_UPDATE_NAME_ON_LOGIN", policy.updateNameOnLogin());
        form.put("OAUTH_UPDATE_PICTURE_ON_LOGIN", oauth.pictures().updateOnLogin());
        form.put("OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE", oauth.refreshTokenIncludeScope());
        return form;
    }

    /**
     * The change the form asks for, to apply to the settings in force; a 422 listing every field of the wrong type
     * or form otherwise, before anything changes.
     */
    static UnaryOperator<OAuthSettings> change(Map<String, Object> form) {
        Given given = new Given(form);
        Map<String, Object> values = new HashMap<>();
        for (String name : List.of("ENABLE_OAUTH", "ENABLE_OAUTH_SIGNUP", "OAUTH_MERGE_ACCOUNTS_BY_EMAIL",
                "OAUTH_AUTO_REDIRECT", "ENABLE_OAUTH_ROLE_MANAGEMENT", "ENABLE_OAUTH_GROUP_MANAGEMENT",
                "ENABLE_OAUTH_GROUP_CREATION", "OAUTH_UPDATE_EMAIL_ON_LOGIN", "OAUTH_UPDATE_NAME_ON_LOGIN",
                "OAUTH_UPDATE_PICTURE_ON_LOGIN", "OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE")) {
            given.bool(name).ifPresent(value -> values.put(name, value));
        }
        // claims the rules cannot do without; the picture claim may be empty, which turns pictures off
        for (String name : List.of("OAUTH_ROLES_CLAIM", "OAUTH_GROUP_CLAIM", "OAUTH_EMAIL_CLAIM",
                "OAUTH_USERNAME_CLAIM")) {
            given.text(name).ifPresent(text -> {
                given.check(!text.isBlank(), name, "Input should name a claim");
                values.put(name, text.strip());
            });
        }
        for (String name : List.of("OAUTH_PICTURE_CLAIM", "OAUTH_PROVIDER_NAME", "OAUTH_CLIENT_ID", "OAUTH_SCOPES",
                "OAUTH_CODE_CHALLENGE_METHOD", "OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", "OAUTH_SUB_CLAIM",
                "OAUTH_AUDIENCE")) {
            given.text(name).ifPresent(text -> values.put(name, text.strip()));
        }
        given.text("OAUTH_CLIENT_SECRET").filter(secret -> !secret.isBlank())
                .ifPresent(secret -> values.put("OAUTH_CLIENT_SECRET", secret));
        // Open WebUI's empty list lets nobody in; the environment's reading (any domain) is the safer one for a blank
        given.text("OAUTH_ALLOWED_DOMAINS").ifPresent(text -> values.put("OAUTH_ALLOWED_DOMAINS",
                text.isBlank() ? List.of("*") : commaList(text)));
        given.text("OAUTH_ADMIN_ROLES").ifPresent(text -> values.put("OAUTH_ADMIN_ROLES", commaList(text)));
        given.text("OAUTH_ALLOWED_ROLES").ifPresent(text -> values.put("OAUTH_ALLOWED_ROLES", commaList(text)));
        given.blockedGroups().ifPresent(patterns -> values.put("OAUTH_BLOCKED_GROUPS", patterns));
        given.share().ifPresent(share -> values.put("OAUTH_GROUP_DEFAULT_SHARE", share));
        for (String name : List.of("OPENID_PROVIDER_URL", "OPENID_REDIRECT_URI", "OPENID_END_SESSION_ENDPOINT")) {
            given.url(name).ifPresent(url -> values.put(name, url));
        }
        given.seconds("OAUTH_TIMEOUT", (int) OpenIdClient.MAX_TIMEOUT.toSeconds())
                .ifPresent(timeout -> values.put("OAUTH_TIMEOUT", timeout));
        given.seconds("OAUTH_CLIENT_TIMEOUT", MAX_CLIENT_TIMEOUT)
                .ifPresent(timeout -> values.put("OAUTH_CLIENT_TIMEOUT", timeout));
        given.problems.throwIfAny();
        return current -> apply(new Values(values), current);
    }

    private static OAuthSettings apply(Values form, OAuthSettings current) {
        OAuthPolicy policy = current.policy();
        RoleMapping roles = policy.roles();
        OpenIdClient client = current.openId();
        RoleMapping changedRoles = new RoleMapping(form.get("ENABLE_OAUTH_ROLE_MANAGEMENT", roles.managed()),
                new ClaimMapping(form.get("OAUTH_ROLES_CLAIM", roles.claim().path()), roles.claim().separator()),
                form.get("OAUTH_ALLOWED_ROLES", roles.allowedRoles()), form.get("OAUTH_ADMIN_ROLES", roles.adminRoles()),
                roles.pendingRoles(), roles.failClosed());
        OAuthPolicy changedPolicy = new OAuthPolicy(form.get("ENABLE_OAUTH_SIGNUP", policy.signupEnabled()),
                form.get("OAUTH_MERGE_ACCOUNTS_BY_EMAIL", policy.mergeByEmail()),
                form.get("OAUTH_EMAIL_CLAIM", policy.emailClaim()),
                form.get("OAUTH_USERNAME_CLAIM", policy.usernameClaim()), policy.emailFallback(),
                form.get("OAUTH_ALLOWED_DOMAINS", policy.allowedDomains()),
                form.get("OAUTH_UPDATE_NAME_ON_LOGIN", policy.updateNameOnLogin()),
                form.get("OAUTH_UPDATE_EMAIL_ON_LOGIN", policy.updateEmailOnLogin()), changedRoles,
                form.get("ENABLE_OAUTH_GROUP_MANAGEMENT", policy.groupsManaged()),
                new ClaimMapping(form.get("OAUTH_GROUP_CLAIM", policy.groupsClaim().path()),
                        policy.groupsClaim().separator()),
                form.get("ENABLE_OAUTH_GROUP_CREATION", policy.groupCreation()),
                form.get("OAUTH_BLOCKED_GROUPS", policy.blockedGroups()));
        OpenIdClient changedClient = new OpenIdClient(form.get("OAUTH_PROVIDER_NAME", client.providerName()),
                form.optional("OPENID_PROVIDER_URL", client.providerUrl()),
                form.get("OAUTH_CLIENT_ID", client.clientId()),
                form.optional("OAUTH_CLIENT_SECRET", client.clientSecret()),
                form.optional("OPENID_REDIRECT_URI", client.redirectUri()),
                form.get("OAUTH_SCOPES", client.scopes()),
                form.optional("OAUTH_CODE_CHALLENGE_METHOD", client.codeChallengeMethod()),
                form.optional("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", client.tokenEndpointAuthMethod()),
                form.optional("OPENID_END_SESSION_ENDPOINT", client.endSessionEndpoint()),
                form.optional("OAUTH_TIMEOUT", client.timeout()),
                form.optional("OAUTH_SUB_CLAIM", client.subClaim()),
                form.optional("OAUTH_AUDIENCE", client.audience()));
        return new OAuthSettings(form.get("ENABLE_OAUTH", current.enabled()), changedPolicy,
                new PictureSync(form.get("OAUTH_PICTURE_CLAIM", current.pictures().claim()),
                        form.get("OAUTH_UPDATE_PICTURE_ON_LOGIN", current.pictures().updateOnLogin())),
                form.get("OAUTH_AUTO_REDIRECT", current.autoRedirect()),
                form.get("OAUTH_GROUP_DEFAULT_SHARE", current.groupDefaultShare()), changedClient,
                form.optional("OAUTH_CLIENT_TIMEOUT", current.clientTimeout()),
                form.get("OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE", current.refreshTokenIncludeScope()));
    }

    private static List<String> commaList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                .collect(Collectors.toList());
    }

    private static String jsonArray(List<String> patterns) {
        try {
            return JSON.writeValueAsString(patterns);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The typed values of the fields given; an empty text given for an optional value means "none". */
    private static final class Values {
        private final Map<String, Object> values;

        Values(Map<String, Object> values) {
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        <T> T get(String name, T current) {
            return values.containsKey(name) ? (T) values.get(name) : current;
        }

        @SuppressWarnings("unchecked")
        <T> Optional<T> optional(String name, Optional<T> current) {
            if (!values.containsKey(name)) {
                return current;
            }
            Object value = values.get(name);
            return value instanceof Optional ? (Optional<T>) value
                    : "".equals(value) ? Optional.empty() : Optional.of((T) value);
        }
    }

    /** Typed reads of the fields given, collecting problems instead of stopping at the first. */
    private static final class Given {
        private final Map<String, Object> form;
        private final Json.Problems problems = new Json.Problems();

        Given(Map<String, Object> form) {
            this.form = form;
        }

        void check(boolean ok, String name, String message) {
            problems.check(ok, name, message);
        }

        Optional<Boolean> bool(String name) {
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            check(value instanceof Boolean, name, "Input should be a valid boolean");
            return value instanceof Boolean ? Optional.of((Boolean) value) : Optional.empty();
        }

        Optional<String> text(String name) {
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            boolean text = value instanceof String && ((String) value).length() <= MAX_TEXT;
            check(text, name, "Input should be a valid string");
            return text ? Optional.of((String) value) : Optional.empty();
        }

        /** A URL, or empty inside for an empty text ("none"). */
        Optional<Optional<URI>> url(String name) {
            Optional<String> text = text(name);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (text.get().isBlank()) {
                return Optional.of(Optional.empty());
            }
            Optional<URI> url = OpenIdClient.webUrl(text.get());
            check(url.isPresent(), name, "Input should be an absolute http(s) URL");
            return url.isPresent() ? Optional.of(url) : Optional.empty();
        }

        /** Whole seconds as a number or a text of digits, or empty inside for {@code ""} ("none"). */
        Optional<Optional<Duration>> seconds(String name, int max) {
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if ("".equals(value)) {
                return Optional.of(Optional.empty());
            }
            Optional<Integer> number = value instanceof Integer ? Optional.of((Integer) value)
                    : value instanceof String && ((String) value).strip().matches("[0-9]{1,6}")
                    ? Optional.of(Integer.parseInt(((String) value).strip())) : Optional.empty();
            boolean ok = number.filter(seconds -> seconds >= 1 && seconds <= max).isPresent();
            check(ok, name, "Input should be a whole number of seconds from 1 to " + max + ", or empty");
            return ok ? Optional.of(number.map(seconds -> Duration.ofSeconds(seconds))) : Optional.empty();
        }

        /** Open WebUI's JSON array of patterns, in a text (or as an array); empty text for none. */
        Optional<List<String>> blockedGroups() {
            String name = "OAUTH_BLOCKED_GROUPS";
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof String && ((String) value).isBlank()) {
                return Optional.of(List.of());
            }
            try {
                JsonNode array = value instanceof String && ((String) value).length() <= MAX_TEXT
                        ? JSON.readTree((String) value) : JSON.valueToTree(value);
                List<String> patterns = new ArrayList<>();
                boolean ok = array != null && array.isArray();
                if (ok) {
                    for (JsonNode element : array) {
                        ok &= element.isTextual();
                        patterns.add(element.asText());
                    }
                }
                check(ok, name, "Input should be a JSON array of group names or patterns, e.g. [\"admins\", \"temp-*\"]");
                return ok ? Optional.of(patterns) : Optional.empty();
            } catch (JsonProcessingException | IllegalArgumentException malformed) {
                check(false, name, "Input should be a JSON array of group names or patterns, e.g. [\"admins\", \"temp-*\"]");
                return Optional.empty();
            }
        }

        /** {@code true}, {@code false} or {@code "members"}, as a boolean or a text. */
        Optional<ShareSetting> share() {
            String name = "OAUTH_GROUP_DEFAULT_SHARE";
            Object value = form.get(name);
            if (value == null) {
                return Optional.empty();
            }
            Optional<ShareSetting> share = value instanceof Boolean || value instanceof String
                    ? ShareSetting.parse(String.valueOf(value)) : Optional.empty();
            check(share.isPresent(), name, "Input should be true, false or \"members\"");
            return share;
        }
    }
}
