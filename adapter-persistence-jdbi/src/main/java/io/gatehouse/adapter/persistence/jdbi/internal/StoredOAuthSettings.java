package io.gatehouse.adapter.persistence.jdbi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.oauth.RoleMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.nullable;
import static io.gatehouse.adapter.persistence.jdbi.internal.JdbiSettingsRepository.stored;

/**
 * Single sign-on settings as rows of {@code settings}, under Open WebUI's {@code oauth.*} names (§10.4): lists as JSON
 * arrays, absent values as {@code null}, timeouts in whole seconds, the group share as {@code true}, {@code false} or
 * {@code "members"}. Only what the admin form changes is stored; the separators, the e-mail fallback and Gatehouse's
 * own role options always come from the environment.
 */
final class StoredOAuthSettings {

    private static final Logger LOG = LoggerFactory.getLogger(StoredOAuthSettings.class);

    private static final String ENABLED = "oauth.enable";
    private static final String SIGNUP = "oauth.enable_signup";
    private static final String MERGE_BY_EMAIL = "oauth.merge_accounts_by_email";
    private static final String AUTO_REDIRECT = "oauth.auto_redirect";
    private static final String ALLOWED_DOMAINS = "oauth.allowed_domains";
    private static final String BLOCKED_GROUPS = "oauth.blocked_groups";
    private static final String ROLE_MAPPING = "oauth.enable_role_mapping";
    private static final String ROLES_CLAIM = "oauth.roles_claim";
    private static final String ADMIN_ROLES = "oauth.admin_roles";
    private static final String ALLOWED_ROLES = "oauth.allowed_roles";
    private static final String GROUP_MAPPING = "oauth.enable_group_mapping";
    private static final String GROUP_CREATION = "oauth.enable_group_creation";
    private static final String GROUP_CLAIM = "oauth.group_claim";
    private static final String GROUP_DEFAULT_SHARE = "oauth.group_default_share";
    private static final String PROVIDER_NAME = "oauth.provider_name";
    private static final String PROVIDER_URL = "oauth.provider_url";
    private static final String CLIENT_ID = "oauth.client_id";
    private static final String CLIENT_SECRET = "oauth.client_secret";
    private static final String REDIRECT_URI = "oauth.redirect_uri";
    private static final String SCOPES = "oauth.scopes";
    private static final String CODE_CHALLENGE_METHOD = "oauth.code_challenge_method";
    private static final String TOKEN_ENDPOINT_AUTH_METHOD = "oauth.token_endpoint_auth_method";
    private static final String END_SESSION_ENDPOINT = "oauth.end_session_endpoint";
    private static final String TIMEOUT = "oauth.timeout";
    private static final String CLIENT_TIMEOUT = "oauth.client.timeout";
    private static final String EMAIL_CLAIM = "oauth.email_claim";
    private static final String USERNAME_CLAIM = "oauth.username_claim";
    private static final String PICTURE_CLAIM = "oauth.picture_claim";
    private static final String SUB_CLAIM = "oauth.sub_claim";
    private static final String AUDIENCE = "oauth.audience";
    private static final String UPDATE_EMAIL = "oauth.update_email_on_login";
    private static final String UPDATE_NAME = "oauth.update_name_on_login";
    private static final String UPDATE_PICTURE = "oauth.update_picture_on_login";
    private static final String REFRESH_INCLUDE_SCOPE = "oauth.refresh_token.include_scope";

    private StoredOAuthSettings() {
    }

    static Map<String, Object> values(OAuthSettings oauth) {
        OAuthPolicy policy = oauth.policy();
        OpenIdClient client = oauth.openId();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ENABLED, oauth.enabled());
        values.put(SIGNUP, policy.signupEnabled());
        values.put(MERGE_BY_EMAIL, policy.mergeByEmail());
        values.put(AUTO_REDIRECT, oauth.autoRedirect());
        values.put(ALLOWED_DOMAINS, policy.allowedDomains());
        values.put(BLOCKED_GROUPS, policy.blockedGroups());
        values.put(ROLE_MAPPING, policy.roles().managed());
        values.put(ROLES_CLAIM, policy.roles().claim().path());
        values.put(ADMIN_ROLES, policy.roles().adminRoles());
        values.put(ALLOWED_ROLES, policy.roles().allowedRoles());
        values.put(GROUP_MAPPING, policy.groupsManaged());
        values.put(GROUP_CREATION, policy.groupCreation());
        values.put(GROUP_CLAIM, policy.groupsClaim().path());
        values.put(GROUP_DEFAULT_SHARE, oauth.groupDefaultShare().jsonValue());
        values.put(PROVIDER_NAME, client.providerName());
        values.put(PROVIDER_URL, client.providerUrl().map(URI::toString).orElse(null));
        values.put(CLIENT_ID, client.clientId());
        values.put(CLIENT_SECRET, client.clientSecret().orElse(null));
        values.put(REDIRECT_URI, client.redirectUri().map(URI::toString).orElse(null));
        values.put(SCOPES, client.scopes());
        values.put(CODE_CHALLENGE_METHOD, client.codeChallengeMethod().orElse(null));
        values.put(TOKEN_ENDPOINT_AUTH_METHOD, client.tokenEndpointAuthMethod().orElse(null));
        values.put(END_SESSION_ENDPOINT, client.endSessionEndpoint().map(URI::toString).orElse(null));
        values.put(TIMEOUT, client.timeout().map(Duration::toSeconds).orElse(null));
        values.put(CLIENT_TIMEOUT, oauth.clientTimeout().map(Duration::toSeconds).orElse(null));
        values.put(EMAIL_CLAIM, policy.emailClaim());
        values.put(USERNAME_CLAIM, policy.usernameClaim());
        values.put(PICTURE_CLAIM, oauth.pictures().claim());
        values.put(SUB_CLAIM, client.subClaim().orElse(null));
        values.put(AUDIENCE, client.audience().orElse(null));
        values.put(UPDATE_EMAIL, policy.updateEmailOnLogin());
        values.put(UPDATE_NAME, policy.updateNameOnLogin());
        values.put(UPDATE_PICTURE, oauth.pictures().updateOnLogin());
        values.put(REFRESH_INCLUDE_SCOPE, oauth.refreshTokenIncludeScope());
        return values;
    }

    /**
     * The stored values over {@code defaults}. Values that each read well may still not fit together (a token endpoint
     * auth method stored when the secret came from an environment that no longer has it): the provider, or the
     * rules, then keep their defaults, with a warning that names no value.
     */
    static OAuthSettings load(Map<String, String> rows, OAuthSettings defaults) {
        return new OAuthSettings(
                stored(rows, ENABLED, JdbiSettingsRepository::bool).orElse(defaults.enabled()),
                fitting("account rules", () -> policy(rows, defaults.policy()), defaults.policy()),
                new PictureSync(stored(rows, PICTURE_CLAIM, JdbiSettingsRepository::text)
                        .orElse(defaults.pictures().claim()),
                        stored(rows, UPDATE_PICTURE, JdbiSettingsRepository::bool)
                                .orElse(defaults.pictures().updateOnLogin())),
                stored(rows, AUTO_REDIRECT, JdbiSettingsRepository::bool).orElse(defaults.autoRedirect()),
                stored(rows, GROUP_DEFAULT_SHARE, StoredOAuthSettings::share).orElse(defaults.groupDefaultShare()),
                fitting("OpenID provider", () -> client(rows, defaults.openId()), defaults.openId()),
                stored(rows, CLIENT_TIMEOUT, node -> nullable(node, StoredOAuthSettings::seconds))
                        .orElse(defaults.clientTimeout()),
                stored(rows, REFRESH_INCLUDE_SCOPE, JdbiSettingsRepository::bool)
                        .orElse(defaults.refreshTokenIncludeScope()));
    }

    private static OAuthPolicy policy(Map<String, String> rows, OAuthPolicy defaults) {
        RoleMapping roles = defaults.roles();
        return new OAuthPolicy(
                stored(rows, SIGNUP, JdbiSettingsRepository::bool).orElse(defaults.signupEnabled()),
                stored(rows, MERGE_BY_EMAIL, JdbiSettingsRepository::bool).orElse(defaults.mergeByEmail()),
                stored(rows, EMAIL_CLAIM, JdbiSettingsRepository::text).orElse(defaults.emailClaim()),
                stored(rows, USERNAME_CLAIM, JdbiSettingsRepository::text).orElse(defaults.usernameClaim()),
                defaults.emailFallback(),
                stored(rows, ALLOWED_DOMAINS, JdbiSettingsRepository::texts).orElse(defaults.allowedDomains()),
                stored(rows, UPDATE_NAME, JdbiSettingsRepository::bool).orElse(defaults.updateNameOnLogin()),
                stored(rows, UPDATE_EMAIL, JdbiSettingsRepository::bool).orElse(defaults.updateEmailOnLogin()),
                new RoleMapping(
                        stored(rows, ROLE_MAPPING, JdbiSettingsRepository::bool).orElse(roles.managed()),
                        new ClaimMapping(stored(rows, ROLES_CLAIM, JdbiSettingsRepository::text)
                                .orElse(roles.claim().path()), roles.claim().separator()),
                        stored(rows, ALLOWED_ROLES, JdbiSettingsRepository::texts).orElse(roles.allowedRoles()),
                        stored(rows, ADMIN_ROLES, JdbiSettingsRepository::texts).orElse(roles.adminRoles()),
                        roles.pendingRoles(), roles.failClosed()),
                stored(rows, GROUP_MAPPING, JdbiSettingsRepository::bool).orElse(defaults.groupsManaged()),
                new ClaimMapping(stored(rows, GROUP_CLAIM, JdbiSettingsRepository::text)
                        .orElse(defaults.groupsClaim().path()), defaults.groupsClaim().separator()),
                stored(rows, GROUP_CREATION, JdbiSettingsRepository::bool).orElse(defaults.groupCreation()),
                stored(rows, BLOCKED_GROUPS, JdbiSettingsRepository::texts).orElse(defaults.blockedGroups()));
    }

    private static OpenIdClient client(Map<String, String> rows, OpenIdClient defaults) {
        return new OpenIdClient(
                stored(rows, PROVIDER_NAME, JdbiSettingsRepository::text).orElse(defaults.providerName()),
                stored(rows, PROVIDER_URL, node -> nullable(node, StoredOAuthSettings::url))
                        .orElse(defaults.providerUrl()),
                stored(rows, CLIENT_ID, JdbiSettingsRepository::text).orElse(defaults.clientId()),
                stored(rows, CLIENT_SECRET, node -> nullable(node, JdbiSettingsRepository::text))
                        .orElse(defaults.clientSecret()),
                stored(rows, REDIRECT_URI, node -> nullable(node, StoredOAuthSettings::url))
                        .orElse(defaults.redirectUri()),
                stored(rows, SCOPES, JdbiSettingsRepository::text).orElse(defaults.scopes()),
                stored(rows, CODE_CHALLENGE_METHOD, node -> nullable(node, JdbiSettingsRepository::text))
                        .orElse(defaults.codeChallengeMethod()),
                stored(rows, TOKEN_ENDPOINT_AUTH_METHOD, node -> nullable(node, JdbiSettingsRepository::text))
                        .orElse(defaults.tokenEndpointAuthMethod()),
                stored(rows, END_SESSION_ENDPOINT, node -> nullable(node, StoredOAuthSettings::url))
                        .orElse(defaults.endSessionEndpoint()),
                stored(rows, TIMEOUT, node -> nullable(node, StoredOAuthSettings::seconds)).orElse(defaults.timeout()),
                stored(rows, SUB_CLAIM, node -> nullable(node, JdbiSettingsRepository::text))
                        .orElse(defaults.subClaim()),
                stored(rows, AUDIENCE, node -> nullable(node, JdbiSettingsRepository::text))
                        .orElse(defaults.audience()));
    }

    private static <T> T fitting(String what, java.util.function.Supplier<T> loaded, T defaults) {
        try {
            return loaded.get();
        } catch (IllegalArgumentException unfit) {
            LOG.warn("The stored single sign-on settings of the {} do not fit together; the environment's apply", what);
            return defaults;
        }
    }

    private static URI url(JsonNode node) {
        return OpenIdClient.webUrl(JdbiSettingsRepository.text(node))
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL"));
    }

    private static Duration seconds(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw new IllegalArgumentException("not a number of seconds");
        }
        return Duration.ofSeconds(node.intValue());
    }

    private static ShareSetting share(JsonNode node) {
        if (!node.isBoolean() && !node.isTextual()) {
            throw new IllegalArgumentException("not a share setting");
        }
        return ShareSetting.parse(node.asText()).orElseThrow(() -> new IllegalArgumentException("not a share setting"));
    }
}
