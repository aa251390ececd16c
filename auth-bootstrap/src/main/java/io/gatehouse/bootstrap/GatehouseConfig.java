package io.gatehouse.bootstrap;

import io.gatehouse.adapter.http.javalin.Cidr;
import io.gatehouse.adapter.http.javalin.HttpSettings;
import io.gatehouse.adapter.http.javalin.TrustedHeaders;
import io.gatehouse.adapter.persistence.jdbi.DatabaseSettings;
import io.gatehouse.adapter.ldap.LdapConnectionSettings;
import io.gatehouse.adapter.redis.RedisSettings;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.throttle.SignInLimits;
import io.gatehouse.domain.throttle.WindowLimit;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.ProfileImagePolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything the standalone server needs, read from the environment under Open WebUI's variable names (and
 * LibreChat's or our own where Open WebUI has none), validated once at start. The README's configuration table
 * lists every variable read here.
 */
record GatehouseConfig(DatabaseSettings database, SecretKey secretKey, int bcryptCost, int bcryptThreads, int bcryptQueue,
                       FixedSettings fixedSettings, AuthSettings settingsDefaults, HttpSettings http, String host, int port,
                       Optional<InitialAdmin> initialAdmin, Optional<URI> webhookUrl,
                       boolean webhookAllowsPrivateAddresses, Optional<RedisSettings> redis,
                       LdapConnectionSettings ldapConnection, OAuthConfig oauth) {

    static final String VERSION = readVersion();

    static GatehouseConfig fromEnvironment(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        Path dataDir = Path.of(env.text("DATA_DIR", "./data"));
        Optional<String> databaseUrl = env.text("DATABASE_URL");
        DatabaseUrl url = databaseUrl.map(raw -> DatabaseUrl.parse(raw).orElseGet(() -> {
            env.problem("DATABASE_URL must be postgresql://user:password@host:port/db, a jdbc: URL, h2:<path> or sqlite:///<path>");
            return DatabaseUrl.embeddedIn(dataDir);
        })).orElseGet(() -> DatabaseUrl.embeddedIn(dataDir));
        DatabaseSettings database = new DatabaseSettings(url.jdbcUrl(), url.user(), url.password(),
                env.integer("DATABASE_POOL_SIZE", 10, 1, 500),
                env.seconds("DATABASE_POOL_TIMEOUT", Duration.ofSeconds(30), 1, 600));

        int bcryptCost = env.integer("BCRYPT_COST", 12, 4, 30);
        int bcryptThreads = env.integer("BCRYPT_THREADS", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int bcryptQueue = env.integer("BCRYPT_QUEUE", GatehouseBuilder.DEFAULT_HASH_QUEUE, 0, 100_000);
        FixedSettings fixed = fixedSettings(env);
        OAuthConfig oauth = OAuthConfig.read(env);
        AuthSettings defaults = settingsDefaults(env, fixed.authEnabled(), oauth.settings());
        HttpSettings http = httpSettings(env);
        String host = env.text("HOST", "0.0.0.0");
        int port = env.integer("PORT", 8080, 0, 65535);
        Optional<InitialAdmin> admin = initialAdmin(env, fixed.passwordPolicy());
        Optional<URI> webhook = env.parsed("WEBHOOK_URL", GatehouseConfig::webUrl, "an http(s) URL");
        boolean webhookPrivate = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", false);
        Optional<RedisSettings> redis = redisSettings(env);
        LdapConnectionSettings ldapConnection = new LdapConnectionSettings(
                env.seconds("LDAP_CONNECT_TIMEOUT", LdapConnectionSettings.defaults().connectTimeout(), 1, 600),
                env.seconds("LDAP_RESPONSE_TIMEOUT", LdapConnectionSettings.defaults().responseTimeout(), 1, 600),
                env.integer("LDAP_POOL_SIZE", LdapConnectionSettings.defaults().poolSize(), 1, 100));
        Optional<SecretKey> configuredKey = env.firstOf("WEBUI_SECRET_KEY", "WEBUI_JWT_SECRET_KEY").flatMap(text -> {
            Optional<SecretKey> key = SecretKey.strong(text);
            if (key.isEmpty()) {
                env.problem("WEBUI_SECRET_KEY must be at least " + SecretKey.MINIMUM_BYTES
                        + " bytes of random text and not a well-known default (make one with: openssl rand -hex 32)");
            }
            return key;
        });
        boolean keyKept = Files.exists(dataDir.resolve(SecretKey.FILE_NAME));
        if (configuredKey.isEmpty() && databaseUrl.isPresent() && !keyKept
                && env.firstOf("WEBUI_SECRET_KEY", "WEBUI_JWT_SECRET_KEY").isEmpty()) {
            env.problem("WEBUI_SECRET_KEY must be set when DATABASE_URL is set: every instance must sign with the "
                    + "same key (make one with: openssl rand -hex 32)");
        }
        env.failIfProblems();
        SecretKey key = configuredKey.orElseGet(() -> SecretKey.keptIn(dataDir));
        return new GatehouseConfig(database, key, bcryptCost, bcryptThreads, bcryptQueue, fixed, defaults, http, host,
                port, admin, webhook, webhookPrivate, redis, ldapConnection, oauth);
    }

    /** Open WebUI's Redis variables (appendix A), with a pool and timeouts of our own. */
    private static Optional<RedisSettings> redisSettings(EnvironmentReader env) {
        Optional<String> url = env.text("REDIS_URL");
        List<String> sentinels = env.list("REDIS_SENTINEL_HOSTS", ",");
        if (url.isEmpty()) {
            if (!sentinels.isEmpty() || env.bool("REDIS_CLUSTER", false)) {
                env.problem("REDIS_SENTINEL_HOSTS and REDIS_CLUSTER need REDIS_URL");
            }
            return Optional.empty();
        }
        int sentinelPort = env.integer("REDIS_SENTINEL_PORT", RedisSettings.DEFAULT_SENTINEL_PORT, 1, 65535);
        boolean cluster = env.bool("REDIS_CLUSTER", false);
        String prefix = env.text("REDIS_KEY_PREFIX", RedisSettings.DEFAULT_KEY_PREFIX);
        Duration connect = env.seconds("REDIS_CONNECT_TIMEOUT", RedisSettings.DEFAULT_CONNECT_TIMEOUT, 1, 600);
        Duration timeout = env.seconds("REDIS_TIMEOUT", RedisSettings.DEFAULT_TIMEOUT, 1, 600);
        int poolSize = env.integer("REDIS_POOL_SIZE", RedisSettings.DEFAULT_POOL_SIZE, 1, 1000);
        try {
            return Optional.of(RedisSettings.of(url.get(), sentinels, sentinelPort, cluster).withKeyPrefix(prefix)
                    .withTimeouts(connect, timeout).withPoolSize(poolSize));
        } catch (IllegalArgumentException invalid) {
            // RedisSettings' messages never quote the URL, so the password stays out of the error
            env.problem("REDIS_URL and its companions are not usable: " + invalid.getMessage());
            return Optional.empty();
        }
    }

    /** The fixed settings an environment describes; Open WebUI's defaults for an empty one. */
    static FixedSettings fixedSettingsOf(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        FixedSettings fixed = fixedSettings(env);
        env.failIfProblems();
        return fixed;
    }

    /** The run-time settings' defaults an environment describes; Open WebUI's defaults for an empty one. */
    static AuthSettings settingsDefaultsOf(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        AuthSettings defaults = settingsDefaults(env, env.bool("WEBUI_AUTH", true), OAuthSettings.defaults());
        env.failIfProblems();
        return defaults;
    }

    private static FixedSettings fixedSettings(EnvironmentReader env) {
        int minimum = env.integer("PASSWORD_MIN_LENGTH", 8, 1, PasswordPolicy.MAX_UTF8_BYTES);
        Optional<Pattern> pattern = Optional.empty();
        if (env.bool("ENABLE_PASSWORD_VALIDATION", false)) {
            String regex = env.text("PASSWORD_VALIDATION_REGEX_PATTERN", PasswordPolicy.DEFAULT_PATTERN);
            try {
                pattern = Optional.of(Pattern.compile(regex));
            } catch (PatternSyntaxException invalid) {
                env.problem("PASSWORD_VALIDATION_REGEX_PATTERN is not a valid regular expression: " + invalid.getDescription());
            }
        }
        PasswordPolicy policy = new PasswordPolicy(minimum, pattern, env.text("PASSWORD_VALIDATION_HINT", ""));
        ShareSetting share = env.parsed("DEFAULT_GROUP_SHARE_PERMISSION", ShareSetting::parse, "true, false or members")
                .orElse(ShareSetting.MEMBERS);
        return new FixedSettings(env.bool("WEBUI_AUTH", true), env.bool("ENABLE_PASSWORD_AUTH", true),
                env.bool("ENABLE_INITIAL_ADMIN_SIGNUP", false), policy, signInLimits(env), share,
                env.text("WEBUI_AUTH_SIGNOUT_REDIRECT_URL"));
    }

    private static SignInLimits signInLimits(EnvironmentReader env) {
        SignInLimits defaults = SignInLimits.defaults();
        try {
            return new SignInLimits(
                    new WindowLimit(env.integer("SIGNIN_RATE_LIMIT", 15, 1, 1_000_000),
                            env.seconds("SIGNIN_RATE_LIMIT_WINDOW", Duration.ofMinutes(3), 60, 86_400)),
                    env.integer("SIGNIN_ACCOUNT_FAILURE_LIMIT", 100, 1, 1_000_000),
                    env.seconds("SIGNIN_ACCOUNT_WAIT_INCREMENT", Duration.ofSeconds(60), 1, 86_400),
                    env.seconds("SIGNIN_ACCOUNT_MAX_WAIT", Duration.ofMinutes(15), 1, 86_400),
                    env.seconds("SIGNIN_ACCOUNT_FAILURE_RESET", Duration.ofHours(12), 60, 30 * 86_400),
                    new WindowLimit(env.integer("SIGNIN_ADDRESS_FAILURE_LIMIT", 100, 1, 1_000_000),
                            env.seconds("SIGNIN_ADDRESS_FAILURE_WINDOW", Duration.ofMinutes(3), 60, 86_400)));
        } catch (IllegalArgumentException inconsistent) {
            env.problem("the SIGNIN_* limits do not fit together: " + inconsistent.getMessage());
            return defaults;
        }
    }

    private static AuthSettings settingsDefaults(EnvironmentReader env, boolean authEnabled, OAuthSettings oauth) {
        Optional<GroupId> defaultGroup = env.parsed("DEFAULT_GROUP_ID",
                id -> id.length() <= 64 ? Optional.of(new GroupId(id)) : Optional.empty(), "a group id");
        return new AuthSettings(
                env.bool("SHOW_ADMIN_DETAILS", true),
                env.parsed("ADMIN_EMAIL", EmailAddress::parse, "an e-mail address"),
                env.text("WEBUI_URL", ""),
                env.bool("ENABLE_SIGNUP", authEnabled),
                env.bool("ENABLE_LOGIN_FORM", true),
                env.bool("ENABLE_API_KEYS", false),
                env.bool("ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS", false),
                env.list("API_KEYS_ALLOWED_ENDPOINTS", ","),
                env.parsed("DEFAULT_USER_ROLE", Role::fromWireName, "pending, user or admin").orElse(Role.PENDING),
                defaultGroup,
                env.parsed("JWT_EXPIRES_IN", TokenLifetime::parse, "-1, 0 or a duration such as 4w or 1h30m")
                        .orElse(TokenLifetime.defaultLifetime()),
                env.text("PENDING_USER_OVERLAY_TITLE", ""),
                env.text("PENDING_USER_OVERLAY_CONTENT", ""),
                defaultPermissions(env),
                Map.of(),
                ldapSettings(env),
                oauth);
    }

    /** Open WebUI's LDAP variables (§6.1), with StartTLS, a group search and blocked groups of our own. */
    private static LdapSettings ldapSettings(EnvironmentReader env) {
        LdapSettings defaults = LdapSettings.defaults();
        LdapServer fallback = defaults.server();
        // LDAP_SERVER_PORT may be empty for the protocol's default, as in Open WebUI
        Optional<Integer> port = env.text("LDAP_SERVER_PORT").isEmpty() ? fallback.port()
                : Optional.of(env.integer("LDAP_SERVER_PORT", LdapServer.DEFAULT_PORT, 1, 65_535));
        LdapServer server = new LdapServer(
                env.text("LDAP_SERVER_LABEL", fallback.label()),
                env.text("LDAP_SERVER_HOST", fallback.host()),
                port,
                env.text("LDAP_ATTRIBUTE_FOR_MAIL", fallback.attributeForMail()),
                env.text("LDAP_ATTRIBUTE_FOR_USERNAME", fallback.attributeForUsername()),
                env.text("LDAP_APP_DN", ""),
                env.text("LDAP_APP_PASSWORD", ""),
                env.text("LDAP_SEARCH_BASE", ""),
                env.firstOf("LDAP_SEARCH_FILTER", "LDAP_SEARCH_FILTERS").orElse(""),
                env.bool("LDAP_USE_TLS", fallback.useTls()),
                env.bool("LDAP_USE_STARTTLS", fallback.startTls()),
                env.text("LDAP_CA_CERT_FILE", ""),
                env.bool("LDAP_VALIDATE_CERT", fallback.validateCert()),
                env.text("LDAP_CIPHERS", fallback.ciphers()));
        return new LdapSettings(env.bool("ENABLE_LDAP", false), server, List.of(),
                env.bool("ENABLE_LDAP_GROUP_MANAGEMENT", false), env.bool("ENABLE_LDAP_GROUP_CREATION", false),
                env.text("LDAP_ATTRIBUTE_FOR_GROUPS", defaults.attributeForGroups()),
                env.text("LDAP_GROUP_SEARCH_BASE", ""),
                env.patterns("LDAP_BLOCKED_GROUPS"));
    }

    /** Open WebUI's defaults, each switch overridable by {@code USER_PERMISSIONS_<SECTION>_<KEY>}. */
    private static PermissionTree defaultPermissions(EnvironmentReader env) {
        Map<String, Object> tree = new LinkedHashMap<>();
        DefaultPermissions.openWebUi().toMap().forEach((section, switches) -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> leaves = (Map<String, Object>) switches;
            leaves.forEach((key, value) -> copy.put(key, env.bool(
                    "USER_PERMISSIONS_" + section.toUpperCase(Locale.ROOT) + "_" + key.toUpperCase(Locale.ROOT), (Boolean) value)));
            tree.put(section, copy);
        });
        return PermissionTree.of(tree);
    }

    private static HttpSettings httpSettings(EnvironmentReader env) {
        ProfileImagePolicy images = new ProfileImagePolicy(env.integer("PROFILE_IMAGE_MAX_DATA_URI_SIZE", 1_000_000, 0, 20_000_000));
        String sameSite = env.firstOf("WEBUI_AUTH_COOKIE_SAME_SITE", "WEBUI_SESSION_COOKIE_SAME_SITE").orElse("lax")
                .toLowerCase(Locale.ROOT);
        if (!Set.of("lax", "strict", "none").contains(sameSite)) {
            env.problem("WEBUI_AUTH_COOKIE_SAME_SITE must be lax, strict or none, not '" + sameSite + "'");
            sameSite = "lax";
        }
        boolean secure = env.text("WEBUI_AUTH_COOKIE_SECURE").isPresent()
                ? env.bool("WEBUI_AUTH_COOKIE_SECURE", false) : env.bool("WEBUI_SESSION_COOKIE_SECURE", false);
        if (sameSite.equals("none") && !secure) {
            env.problem("WEBUI_AUTH_COOKIE_SAME_SITE=none needs WEBUI_AUTH_COOKIE_SECURE=true: browsers drop such cookies");
            secure = true;
        }
        List<Cidr> proxies = new ArrayList<>();
        for (String block : env.list("TRUSTED_PROXY_CIDRS", ",")) {
            try {
                proxies.add(Cidr.parse(block));
            } catch (IllegalArgumentException invalid) {
                env.problem("TRUSTED_PROXY_CIDRS: " + invalid.getMessage());
            }
        }
        Set<String> origins = new HashSet<>();
        for (String origin : env.list("CORS_ALLOW_ORIGIN", ";")) {
            if (origin.equals("*")) {
                continue;
            }
            if (webUrl(origin).isEmpty()) {
                env.problem("CORS_ALLOW_ORIGIN entries must be origins such as https://chat.example.org, not '" + origin + "'");
            } else {
                origins.add(origin);
            }
        }
        Optional<TrustedHeaders> trustedHeaders = env.text("WEBUI_AUTH_TRUSTED_EMAIL_HEADER").map(email ->
                new TrustedHeaders(email, env.text("WEBUI_AUTH_TRUSTED_NAME_HEADER"),
                        env.text("WEBUI_AUTH_TRUSTED_GROUPS_HEADER"), env.text("WEBUI_AUTH_TRUSTED_ROLE_HEADER")));
        if (trustedHeaders.isPresent() && proxies.isEmpty()) {
            env.problem("WEBUI_AUTH_TRUSTED_EMAIL_HEADER needs TRUSTED_PROXY_CIDRS: the headers are believed only from "
                    + "those proxies, which must strip them from what clients send");
            trustedHeaders = Optional.empty();
        }
        String capitalised = sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1);
        return new HttpSettings(capitalised, secure, env.text("CUSTOM_API_KEY_HEADER", "x-api-key"), proxies, origins,
                env.text("WEBUI_NAME", "Gatehouse"), VERSION, env.bool("ENABLE_SIGNUP_PASSWORD_CONFIRMATION", false),
                images.maxDataUriLength() + 64L * 1024, images, trustedHeaders,
                env.bool("ENABLE_OAUTH_ID_TOKEN_COOKIE", true));
    }

    private static Optional<InitialAdmin> initialAdmin(EnvironmentReader env, PasswordPolicy policy) {
        Optional<String> email = env.text("WEBUI_ADMIN_EMAIL");
        Optional<String> password = env.text("WEBUI_ADMIN_PASSWORD");
        if (email.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (email.isEmpty() || password.isEmpty()) {
            env.problem("WEBUI_ADMIN_EMAIL and WEBUI_ADMIN_PASSWORD go together: set both or neither");
            return Optional.empty();
        }
        Optional<EmailAddress> address = env.parsed("WEBUI_ADMIN_EMAIL", EmailAddress::parse, "an e-mail address");
        PlainPassword secret = PlainPassword.of(password.get());
        if (!policy.check(secret).isAcceptable()) {
            env.problem("WEBUI_ADMIN_PASSWORD does not meet the password policy (" + policy.check(secret)
                    + "; at least " + policy.minimumCharacters() + " characters, at most 72 bytes)");
            return Optional.empty();
        }
        return address.map(admin -> new InitialAdmin(admin, secret, env.text("WEBUI_ADMIN_NAME", "Admin")));
    }

    /** An absolute http(s) URL with a host, or empty. */
    static Optional<URI> webUrl(String text) {
        try {
            URI uri = URI.create(text);
            boolean web = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = GatehouseConfig.class.getResourceAsStream("/gatehouse.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties.getProperty("version", "dev");
    }
}
