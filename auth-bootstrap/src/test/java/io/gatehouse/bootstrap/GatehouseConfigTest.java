package io.gatehouse.bootstrap;

import io.gatehouse.adapter.redis.RedisSettings;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatehouseConfigTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-test-key";

    @TempDir
    Path dataDir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dataDir.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void anEmptyEnvironmentIsTheEmbeddedQuickStart() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env());

        assertEquals("0.0.0.0", config.host());
        assertEquals(8080, config.port());
        assertTrue(config.database().jdbcUrl().startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath()), config.database().jdbcUrl());
        assertEquals(12, config.bcryptCost());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.bcryptThreads());
        assertEquals(64, config.bcryptQueue());
        assertEquals(Role.PENDING, config.settingsDefaults().defaultUserRole());
        assertTrue(config.fixedSettings().authEnabled());
        assertEquals(Optional.of(Duration.ofDays(28)), config.settingsDefaults().tokenLifetime().duration());
    }

    @Test
    void passwordHashingHasItsThreadsAndQueue() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("BCRYPT_THREADS", "3", "BCRYPT_QUEUE", "0"));

        assertEquals(3, config.bcryptThreads());
        assertEquals(0, config.bcryptQueue());
        ConfigurationException refused = assertThrows(ConfigurationException.class, () ->
                GatehouseConfig.fromEnvironment(env("BCRYPT_THREADS", "0", "BCRYPT_QUEUE", "-1")));
        assertTrue(refused.getMessage().contains("BCRYPT_THREADS") && refused.getMessage().contains("BCRYPT_QUEUE"),
                refused.getMessage());
    }

    @Test
    void theQuickStartMakesItsDataFolderForItsOwnerOnly() throws Exception {
        Path fresh = dataDir.resolve("fresh");

        GatehouseConfig.fromEnvironment(Map.of("DATA_DIR", fresh.toString()));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void theQuickStartKeepsAGeneratedKeyReadableByItsOwnerOnly() throws Exception {
        GatehouseConfig first = GatehouseConfig.fromEnvironment(env());
        GatehouseConfig second = GatehouseConfig.fromEnvironment(env());

        Path file = dataDir.resolve(".webui_secret_key");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first.secretKey().bytes(), second.secretKey().bytes(), "restarts keep tokens valid");
        assertTrue(first.secretKey().bytes().length >= 32);
    }

    @Test
    void aProductionDatabaseNeedsAnExplicitSharedKey() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () ->
                GatehouseConfig.fromEnvironment(env("DATABASE_URL", "postgresql://u:p@db:5432/app")));

        assertTrue(refused.getMessage().contains("WEBUI_SECRET_KEY must be set when DATABASE_URL is set"), refused.getMessage());
        assertFalse(Files.exists(dataDir.resolve(".webui_secret_key")), "no key is generated for a shared database");
    }

    @Test
    void weakKeysAreRefusedWithoutShowingThem() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () ->
                GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", "t0p-s3cr3t")));
        assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", "short-key")));

        assertFalse(refused.getMessage().contains("t0p-s3cr3t"), refused.getMessage());
    }

    @Test
    void theLegacyKeyNameIsAccepted() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("WEBUI_JWT_SECRET_KEY", KEY));

        assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), config.secretKey().bytes());
    }

    @Test
    void openWebUisPostgresUrlBecomesJdbcWithDecodedCredentials() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", KEY,
                "DATABASE_URL", "postgresql://gate%40house:p%3Ass%2Fword@db.internal:5433/auth?sslmode=require"));

        assertEquals("jdbc:postgresql://db.internal:5433/auth?sslmode=require", config.database().jdbcUrl());
        assertEquals(Optional.of("gate@house"), config.database().user());
        assertEquals(Optional.of("p:ss/word"), config.database().password());
    }

    @Test
    void withoutRedisUrlThereIsNoRedis() {
        assertEquals(Optional.empty(), GatehouseConfig.fromEnvironment(env()).redis());
    }

    @Test
    void openWebUisRedisVariablesDescribeTheConnection() {
        RedisSettings single = GatehouseConfig.fromEnvironment(env("REDIS_URL", "rediss://:s3cret@cache.internal:6380/3",
                "REDIS_KEY_PREFIX", "gate", "REDIS_TIMEOUT", "5", "REDIS_POOL_SIZE", "32")).redis().orElseThrow();
        RedisSettings sentinel = GatehouseConfig.fromEnvironment(env("REDIS_URL", "redis://mymaster/1",
                "REDIS_SENTINEL_HOSTS", "s1.internal, s2.internal:26380", "REDIS_SENTINEL_PORT", "26400")).redis().orElseThrow();
        RedisSettings cluster = GatehouseConfig.fromEnvironment(env("REDIS_URL", "redis://node1.internal:7000",
                "REDIS_CLUSTER", "true")).redis().orElseThrow();

        assertEquals(RedisSettings.Mode.STANDALONE, single.mode());
        assertTrue(single.tls());
        assertEquals("cache.internal", single.host());
        assertEquals(6380, single.port());
        assertEquals(Optional.of("s3cret"), single.password());
        assertEquals(3, single.database());
        assertEquals("gate", single.keyPrefix());
        assertEquals(Duration.ofSeconds(5), single.timeout());
        assertEquals(32, single.poolSize());
        assertEquals(RedisSettings.Mode.SENTINEL, sentinel.mode());
        assertEquals("mymaster", sentinel.host());
        assertEquals(List.of("s1.internal:26400", "s2.internal:26380"), sentinel.sentinels());
        assertEquals("open-webui", sentinel.keyPrefix());
        assertEquals(RedisSettings.Mode.CLUSTER, cluster.mode());
    }

    @Test
    void aBadRedisUrlStopsTheStartWithoutShowingItsPassword() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(
                env("REDIS_URL", "http://:hunter2-secret@cache.internal:6379")));
        ConfigurationException orphans = assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(
                env("REDIS_CLUSTER", "true")));
        ConfigurationException both = assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(
                env("REDIS_URL", "redis://:hunter2-secret@m", "REDIS_SENTINEL_HOSTS", "s1", "REDIS_CLUSTER", "true")));

        assertTrue(refused.getMessage().contains("REDIS_URL and its companions are not usable: the Redis URL must start with redis:// or rediss://"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
        assertTrue(orphans.getMessage().contains("need REDIS_URL"), orphans.getMessage());
        assertFalse(both.getMessage().contains("hunter2"), both.getMessage());
    }

    @Test
    void jdbcAndFileUrlsAreAccepted() {
        assertEquals("jdbc:h2:mem:x", GatehouseConfig.fromEnvironment(
                env("WEBUI_SECRET_KEY", KEY, "DATABASE_URL", "jdbc:h2:mem:x")).database().jdbcUrl());
        // SQLAlchemy's convention, as Open WebUI writes it: four slashes for an absolute path, three for a relative one
        assertTrue(GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", KEY, "DATABASE_URL", "sqlite:////tmp/webui.db"))
                .database().jdbcUrl().startsWith("jdbc:h2:file:/tmp/webui;"));
        assertTrue(GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", KEY, "DATABASE_URL", "sqlite:///data/webui.db"))
                .database().jdbcUrl().startsWith("jdbc:h2:file:" + Path.of("data/webui").toAbsolutePath() + ";"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env(
                "WEBUI_SECRET_KEY", KEY, "PORT", "eighty", "ENABLE_SIGNUP", "maybe", "DEFAULT_USER_ROLE", "owner", "JWT_EXPIRES_IN", "forever",
                "DATABASE_URL", "mysql://x", "TRUSTED_PROXY_CIDRS", "10.0.0.0/8, proxy.local")));

        assertEquals(6, refused.problems().size(), refused.getMessage());
        assertTrue(refused.getMessage().contains("PORT must be a whole number"), refused.getMessage());
        assertTrue(refused.getMessage().contains("DEFAULT_USER_ROLE must be pending, user or admin"), refused.getMessage());
    }

    @Test
    void cookieSettingsFallBackToTheSessionCookieNamesAndRefuseInsecureNone() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("WEBUI_SESSION_COOKIE_SAME_SITE", "strict",
                "WEBUI_SESSION_COOKIE_SECURE", "true"));
        assertEquals("Strict", config.http().cookieSameSite());
        assertTrue(config.http().cookieSecure());

        assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env("WEBUI_AUTH_COOKIE_SAME_SITE", "none")));
    }

    @Test
    void eachDefaultPermissionHasItsVariable() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("USER_PERMISSIONS_FEATURES_API_KEYS", "true",
                "USER_PERMISSIONS_CHAT_FILE_UPLOAD", "false"));

        assertTrue(config.settingsDefaults().defaultPermissions().isGranted("features.api_keys"));
        assertFalse(config.settingsDefaults().defaultPermissions().isGranted("chat.file_upload"));
        assertTrue(config.settingsDefaults().defaultPermissions().isGranted("chat.controls"));
    }

    @Test
    void theInitialAdminNeedsBothVariablesAndAPolicyPassword() {
        assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env("WEBUI_ADMIN_EMAIL", "root@example.org")));
        assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env(
                "WEBUI_ADMIN_EMAIL", "root@example.org", "WEBUI_ADMIN_PASSWORD", "admin")));

        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("WEBUI_ADMIN_EMAIL", "Root@Example.org",
                "WEBUI_ADMIN_PASSWORD", "a long enough password"));
        assertEquals("root@example.org", config.initialAdmin().orElseThrow().email().value());
        assertEquals("Admin", config.initialAdmin().orElseThrow().name());
    }

    @Test
    void anInvalidPasswordPatternStopsTheStart() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> GatehouseConfig.fromEnvironment(env(
                "ENABLE_PASSWORD_VALIDATION", "true", "PASSWORD_VALIDATION_REGEX_PATTERN", "([a-z")));

        assertTrue(refused.getMessage().contains("PASSWORD_VALIDATION_REGEX_PATTERN"), refused.getMessage());
    }

    @Test
    void theConfigurationNeverPrintsItsSecrets() {
        GatehouseConfig config = GatehouseConfig.fromEnvironment(env("WEBUI_SECRET_KEY", KEY,
                "DATABASE_URL", "postgresql://u:database-password@db/app",
                "WEBUI_ADMIN_EMAIL", "root@example.org", "WEBUI_ADMIN_PASSWORD", "admin-password-value"));

        String printed = config.toString();
        assertFalse(printed.contains(KEY), printed);
        assertFalse(printed.contains("database-password"), printed);
        assertFalse(printed.contains("admin-password-value"), printed);
    }
}
