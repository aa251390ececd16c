package io.gatehouse.bootstrap;

import io.gatehouse.adapter.oauth.pac4j.ProviderSettings;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.domain.throttle.WindowLimit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Single sign-on from the environment: the providers Open WebUI configures by variable (Google, Microsoft, GitHub,
 * any OpenID provider; Discord and Feishu), and the account rules of Open WebUI §7.2. A provider is on when its client
 * id is set; a half-configured one stops the start with a clear message.
 *
 * <p>The generic OpenID provider ({@code oidc}) and the account rules are {@link #settings() run-time settings} whose
 * defaults these variables give: an admin may change them (Open WebUI §10.4), so {@code oidc} is not among the
 * {@link #providers() providers fixed at start} but made from the settings in force.
 *
 * @param providers             the providers fixed at start, {@code oidc} excepted
 * @param settings              the defaults of the single sign-on settings admins change at run time
 * @param persistentSettings    {@code ENABLE_OAUTH_PERSISTENT_CONFIG}: admin changes are stored and shared
 * @param openIdAuthorizeParams {@code OAUTH_AUTHORIZE_PARAMS}, for the generic provider however it is configured
 * @param clientIdInCodeExchange {@code OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID}, for every provider
 */
record OAuthConfig(List<ProviderSettings> providers, Map<String, URI> redirectUris, OAuthSettings settings,
                   boolean persistentSettings, Map<String, String> openIdAuthorizeParams, int sessionsPerUser,
                   Optional<String> sessionEncryptionKey, boolean backChannelLogout, boolean tokenExchange,
                   WindowLimit tokenExchangeLimit, boolean picturesFromPrivateAddresses,
                   Set<String> tokenExchangeTrustedClients, boolean clientIdInCodeExchange) {

    /** The account rules' defaults. */
    OAuthPolicy policy() {
        return settings.policy();
    }

    static OAuthConfig read(EnvironmentReader env) {
        List<ProviderSettings> providers = new ArrayList<>();
        Map<String, URI> redirectUris = new LinkedHashMap<>();
        pair(env, "GOOGLE").ifPresent(client -> providers.add(scoped(env, "GOOGLE_OAUTH_SCOPE",
                ProviderSettings.google(client.id, client.secret))
                .withAuthorizeParams(env.jsonStrings("GOOGLE_OAUTH_AUTHORIZE_PARAMS"))));
        pair(env, "MICROSOFT").ifPresent(client -> env.text("MICROSOFT_CLIENT_TENANT_ID").ifPresentOrElse(
                tenant -> providers.add(scoped(env, "MICROSOFT_OAUTH_SCOPE", ProviderSettings.microsoft(client.id,
                        client.secret, tenant, env.parsed("MICROSOFT_CLIENT_LOGIN_BASE_URL", GatehouseConfig::webUrl,
                                "an http(s) URL").orElse(URI.create(ProviderSettings.MICROSOFT_LOGIN_BASE_URL))))
                        // set but empty: no Graph picture, as in Open WebUI
                        .withPictureUrl(env.isSet("MICROSOFT_CLIENT_PICTURE_URL")
                                ? env.parsed("MICROSOFT_CLIENT_PICTURE_URL", GatehouseConfig::webUrl, "an http(s) URL")
                                : Optional.of(ProviderSettings.MICROSOFT_GRAPH_PHOTO))),
                () -> env.problem("MICROSOFT_CLIENT_ID needs MICROSOFT_CLIENT_TENANT_ID")));
        pair(env, "GITHUB").ifPresent(client -> providers.add(scoped(env, "GITHUB_CLIENT_SCOPE",
                ProviderSettings.github(client.id, client.secret))));
        apple(env).ifPresent(providers::add);
        pair(env, "DISCORD").ifPresent(client -> providers.add(ProviderSettings.discord(client.id, client.secret)));
        pair(env, "FEISHU").ifPresent(client -> providers.add(scoped(env, "FEISHU_OAUTH_SCOPE",
                ProviderSettings.feishu(client.id, client.secret))));
        Map.of("google", "GOOGLE_REDIRECT_URI", "microsoft", "MICROSOFT_REDIRECT_URI",
                "github", "GITHUB_CLIENT_REDIRECT_URI", "feishu", "FEISHU_REDIRECT_URI", "apple", "APPLE_CALLBACK_URL")
                .forEach((id, variable) -> env.parsed(variable, GatehouseConfig::webUrl, "an http(s) URL")
                        .ifPresent(uri -> redirectUris.put(id, uri)));
        OpenIdClient generic = genericOpenIdClient(env);
        Map<String, String> openIdAuthorizeParams = env.jsonStrings("OAUTH_AUTHORIZE_PARAMS");
        // several OpenID providers at once (Open WebUI #15768): OAUTH_PROVIDERS=keycloak,okta and OAUTH_KEYCLOAK_...
        for (String id : env.list("OAUTH_PROVIDERS", ",")) {
            String prefix = "OAUTH_" + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
            if (!id.matches("[a-z0-9][a-z0-9-]{0,31}") || id.equals(OpenIdClient.PROVIDER_ID)
                    || providers.stream().anyMatch(known -> known.id().equals(id))) {
                env.problem("OAUTH_PROVIDERS: '" + id + "' must be a new id of lower-case letters, digits and dashes");
                continue;
            }
            openIdProvider(env, id, prefix, generic, openIdAuthorizeParams).ifPresentOrElse(providers::add,
                    () -> env.problem("OAUTH_PROVIDERS names '" + id + "': set " + prefix + "CLIENT_ID and "
                            + prefix + "PROVIDER_URL"));
        }
        Optional<String> encryptionKey = env.text("OAUTH_SESSION_TOKEN_ENCRYPTION_KEY");
        if (encryptionKey.isPresent() && encryptionKey.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            env.problem("OAUTH_SESSION_TOKEN_ENCRYPTION_KEY must be at least 32 bytes of random text");
        }
        // set but empty switches pictures off, as in Open WebUI
        PictureSync pictures = new PictureSync(env.isSet("OAUTH_PICTURE_CLAIM") ? env.text("OAUTH_PICTURE_CLAIM", "")
                : PictureSync.defaults().claim(), env.bool("OAUTH_UPDATE_PICTURE_ON_LOGIN", false));
        OAuthSettings settings = new OAuthSettings(env.bool("ENABLE_OAUTH", true), policy(env), pictures,
                env.bool("OAUTH_AUTO_REDIRECT", false),
                env.parsed("OAUTH_GROUP_DEFAULT_SHARE", ShareSetting::parse, "true, false or members")
                        .orElse(ShareSetting.ANYONE),
                generic, optionalSeconds(env, "OAUTH_CLIENT_TIMEOUT", 86_400),
                env.bool("OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE", false));
        return new OAuthConfig(providers, redirectUris, settings, env.bool("ENABLE_OAUTH_PERSISTENT_CONFIG", false),
                openIdAuthorizeParams, env.integer("OAUTH_MAX_SESSIONS_PER_USER", 10, 1, 1000),
                encryptionKey, env.bool("ENABLE_OAUTH_BACKCHANNEL_LOGOUT", false),
                env.bool("ENABLE_OAUTH_TOKEN_EXCHANGE", false),
                new WindowLimit(env.integer("OAUTH_TOKEN_EXCHANGE_RATE_LIMIT", 10, 1, 1_000_000),
                        env.seconds("OAUTH_TOKEN_EXCHANGE_RATE_LIMIT_WINDOW", Duration.ofMinutes(1), 60, 86_400)),
                env.bool("OAUTH_PICTURE_ALLOW_PRIVATE_ADDRESSES", false),
                Set.copyOf(env.list("OAUTH_TOKEN_EXCHANGE_TRUSTED_CLIENT_IDS", ",")),
                env.bool("OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID", false));
    }

    /**
     * Open WebUI's generic OpenID provider: on with {@code OAUTH_CLIENT_ID} and {@code OPENID_PROVIDER_URL} (the
     * discovery URL); the other settings it shares with the providers of {@code OAUTH_PROVIDERS}.
     */
    private static OpenIdClient genericOpenIdClient(EnvironmentReader env) {
        Optional<String> clientId = env.text("OAUTH_CLIENT_ID");
        if (clientId.isPresent() != env.text("OPENID_PROVIDER_URL").isPresent()) {
            env.problem("OAUTH_CLIENT_ID and OPENID_PROVIDER_URL go together: set both or neither");
        }
        try {
            return new OpenIdClient(env.text("OAUTH_PROVIDER_NAME", "SSO"),
                    env.parsed("OPENID_PROVIDER_URL", GatehouseConfig::webUrl,
                            "the provider's https://.../.well-known/openid-configuration URL"),
                    clientId.orElse(""), env.text("OAUTH_CLIENT_SECRET"),
                    env.parsed("OPENID_REDIRECT_URI", GatehouseConfig::webUrl, "an http(s) URL"),
                    env.text("OAUTH_SCOPES", "openid email profile"), env.text("OAUTH_CODE_CHALLENGE_METHOD"),
                    env.text("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD"),
                    env.parsed("OPENID_END_SESSION_ENDPOINT", GatehouseConfig::webUrl, "an http(s) URL"),
                    optionalSeconds(env, "OAUTH_TIMEOUT", (int) OpenIdClient.MAX_TIMEOUT.toSeconds()),
                    env.text("OAUTH_SUB_CLAIM"), env.text("OAUTH_AUDIENCE"));
        } catch (IllegalArgumentException invalid) {
            // the domain's messages name the variable and never quote the secret
            env.problem(invalid.getMessage());
            return OpenIdClient.defaults();
        }
    }

    private static Optional<Duration> optionalSeconds(EnvironmentReader env, String name, int max) {
        return env.text(name).isPresent() ? Optional.of(env.seconds(name, Duration.ofSeconds(1), 1, max))
                : Optional.empty();
    }

    /**
     * Sign in with Apple, under LibreChat's variables: the client (Services ID), the team, and the key whose PEM file
     * signs the client secret. The key's content is never quoted in a message.
     */
    private static Optional<ProviderSettings> apple(EnvironmentReader env) {
        Optional<String> clientId = env.text("APPLE_CLIENT_ID");
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> team = env.text("APPLE_TEAM_ID");
        Optional<String> keyId = env.text("APPLE_KEY_ID");
        Optional<String> keyPath = env.text("APPLE_PRIVATE_KEY_PATH");
        if (team.isEmpty() || keyId.isEmpty() || keyPath.isEmpty()) {
            env.problem("APPLE_CLIENT_ID needs APPLE_TEAM_ID, APPLE_KEY_ID and APPLE_PRIVATE_KEY_PATH");
            return Optional.empty();
        }
        String pem;
        try {
            pem = java.nio.file.Files.readString(java.nio.file.Path.of(keyPath.get()));
        } catch (java.io.IOException | java.nio.file.InvalidPathException unreadable) {
            env.problem("APPLE_PRIVATE_KEY_PATH cannot be read");
            return Optional.empty();
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            env.problem("APPLE_PRIVATE_KEY_PATH must be Apple's .p8 key file (a PEM private key)");
            return Optional.empty();
        }
        return Optional.of(ProviderSettings.apple(clientId.get(),
                new ProviderSettings.AppleKey(team.get(), keyId.get(), pem)));
    }

    /** The provider with the scopes of {@code variable}, separated by spaces, when it is set. */
    private static ProviderSettings scoped(EnvironmentReader env, String variable, ProviderSettings provider) {
        return env.text(variable).map(scopes -> provider.withScopes(Arrays.asList(scopes.split("\\s+"))))
                .orElse(provider);
    }

    private static Optional<Client> pair(EnvironmentReader env, String prefix) {
        Optional<String> id = env.text(prefix + "_CLIENT_ID");
        Optional<String> secret = env.text(prefix + "_CLIENT_SECRET");
        if (id.isPresent() != secret.isPresent()) {
            env.problem(prefix + "_CLIENT_ID and " + prefix + "_CLIENT_SECRET go together: set both or neither");
            return Optional.empty();
        }
        return id.map(clientId -> new Client(clientId, secret.get()));
    }

    /**
     * One of the OpenID providers of {@code OAUTH_PROVIDERS}, fixed at start: its own {@code <prefix>CLIENT_ID},
     * {@code CLIENT_SECRET}, {@code PROVIDER_URL} and {@code PROVIDER_NAME}, the other settings the generic provider's.
     */
    private static Optional<ProviderSettings> openIdProvider(EnvironmentReader env, String id, String prefix,
                                                             OpenIdClient generic, Map<String, String> authorizeParams) {
        String clientIdName = prefix + "CLIENT_ID";
        String urlName = prefix + "PROVIDER_URL";
        Optional<String> clientId = env.text(clientIdName);
        Optional<URI> discovery = env.parsed(urlName, GatehouseConfig::webUrl,
                "the provider's https://.../.well-known/openid-configuration URL");
        if (clientId.isEmpty() || discovery.isEmpty()) {
            if (clientId.isPresent() != env.text(urlName).isPresent()) {
                env.problem(clientIdName + " and " + urlName + " go together: set both or neither");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(SettingsIdentityProviderFactory.openIdProvider(id, clientId.get(),
                    env.text(prefix + "CLIENT_SECRET"), discovery.get(), env.text(prefix + "PROVIDER_NAME", "SSO"),
                    generic, authorizeParams));
        } catch (IllegalArgumentException invalid) {
            env.problem("the OpenID provider settings are not usable: " + invalid.getMessage());
            return Optional.empty();
        }
    }

    private static OAuthPolicy policy(EnvironmentReader env) {
        String rolesSeparator = env.text("OAUTH_ROLES_SEPARATOR", ",");
        RoleMapping roles = new RoleMapping(env.bool("ENABLE_OAUTH_ROLE_MANAGEMENT", false),
                new ClaimMapping(env.text("OAUTH_ROLES_CLAIM", "roles"), rolesSeparator),
                env.text("OAUTH_ALLOWED_ROLES").isEmpty() ? List.of("user", "admin")
                        : env.list("OAUTH_ALLOWED_ROLES", rolesSeparator),
                env.text("OAUTH_ADMIN_ROLES").isEmpty() ? List.of("admin") : env.list("OAUTH_ADMIN_ROLES", rolesSeparator),
                env.list("OAUTH_PENDING_ROLES", rolesSeparator),
                env.bool("OAUTH_ROLES_FAIL_CLOSED", false));
        return new OAuthPolicy(env.bool("ENABLE_OAUTH_SIGNUP", false), env.bool("OAUTH_MERGE_ACCOUNTS_BY_EMAIL", false),
                env.text("OAUTH_EMAIL_CLAIM", "email"), env.text("OAUTH_USERNAME_CLAIM", "name"),
                env.bool("ENABLE_OAUTH_EMAIL_FALLBACK", false),
                env.text("OAUTH_ALLOWED_DOMAINS").isEmpty() ? List.of("*") : env.list("OAUTH_ALLOWED_DOMAINS", ","),
                env.bool("OAUTH_UPDATE_NAME_ON_LOGIN", false), env.bool("OAUTH_UPDATE_EMAIL_ON_LOGIN", false), roles,
                env.bool("ENABLE_OAUTH_GROUP_MANAGEMENT", false),
                new ClaimMapping(env.firstOf("OAUTH_GROUPS_CLAIM", "OAUTH_GROUP_CLAIM").orElse("groups"),
                        env.text("OAUTH_GROUPS_SEPARATOR", ";")),
                env.bool("ENABLE_OAUTH_GROUP_CREATION", false), env.patterns("OAUTH_BLOCKED_GROUPS"));
    }

    private static final class Client {
        final String id;
        final String secret;

        Client(String id, String secret) {
            this.id = id;
            this.secret = secret;
        }
    }
}
