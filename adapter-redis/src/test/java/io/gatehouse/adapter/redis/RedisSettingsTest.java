package io.gatehouse.adapter.redis;

import io.gatehouse.adapter.redis.RedisSettings.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code REDIS_URL}, {@code REDIS_SENTINEL_HOSTS}, {@code REDIS_SENTINEL_PORT} and {@code REDIS_CLUSTER}, read as Open WebUI reads them. */
class RedisSettingsTest {

    private static final String PASSWORD = "hunter2-Secret";

    private static IllegalArgumentException refused(String url) {
        return assertThrows(IllegalArgumentException.class, () -> RedisSettings.of(url));
    }

    @Test
    void aBareUrlIsOneServerOnTheDefaultPortWithoutTlsPasswordOrDatabase() {
        RedisSettings settings = RedisSettings.of("redis://cache.internal");

        assertEquals(Mode.STANDALONE, settings.mode());
        assertEquals("cache.internal", settings.host());
        assertEquals(6379, settings.port());
        assertFalse(settings.tls());
        assertEquals(Optional.empty(), settings.user());
        assertEquals(Optional.empty(), settings.password());
        assertEquals(0, settings.database());
        assertEquals(List.of(), settings.sentinels());
        assertEquals(RedisSettings.DEFAULT_KEY_PREFIX, settings.keyPrefix());
        assertEquals(RedisSettings.DEFAULT_CONNECT_TIMEOUT, settings.connectTimeout());
        assertEquals(RedisSettings.DEFAULT_TIMEOUT, settings.timeout());
        assertEquals(RedisSettings.DEFAULT_POOL_SIZE, settings.poolSize());
    }

    @Test
    void redissMeansTlsAndThePathIsTheDatabase() {
        RedisSettings settings = RedisSettings.of("rediss://cache.internal:6380/5");

        assertTrue(settings.tls());
        assertEquals(6380, settings.port());
        assertEquals(5, settings.database());
    }

    @Test
    void anEmptyPathOrASlashIsDatabaseZero() {
        assertEquals(0, RedisSettings.of("redis://h/").database());
        assertEquals(0, RedisSettings.of("redis://h:6379").database());
    }

    @Test
    void userAndPasswordArePercentDecodedButAPlusStaysAPlus() {
        RedisSettings settings = RedisSettings.of("redis://al%20ice:p%40ss%3Aw%2Frd%25+1@h:7000/2");

        assertEquals(Optional.of("al ice"), settings.user());
        assertEquals(Optional.of("p@ss:w/rd%+1"), settings.password());
        assertEquals("h", settings.host());
        assertEquals(7000, settings.port());
        assertEquals(2, settings.database());
    }

    @Test
    void aPasswordWithoutUserIsTheDefaultUsersPassword() {
        RedisSettings settings = RedisSettings.of("redis://:" + PASSWORD + "@h/2");

        assertEquals(Optional.empty(), settings.user());
        assertEquals(Optional.of(PASSWORD), settings.password());
    }

    @Test
    void hostNamesWithUnderscoresAndBracketedAddressesAreRead() {
        RedisSettings sentinel = RedisSettings.of("redis://:" + PASSWORD + "@my_master/1",
                List.of("[::1]", "[fd00::5]:26400", "sentinel_1"), 26390, false);
        RedisSettings single = RedisSettings.of("redis://redis_cache:6390");
        RedisSettings v6 = RedisSettings.of("redis://[::1]:6391");

        assertEquals("my_master", sentinel.host());
        assertEquals(Optional.of(PASSWORD), sentinel.password());
        assertEquals(List.of("[::1]:26390", "[fd00::5]:26400", "sentinel_1:26390"), sentinel.sentinels());
        assertEquals("redis_cache", single.host());
        assertEquals(6390, single.port());
        assertEquals("[::1]", v6.host());
        assertEquals(6391, v6.port());
    }

    @Test
    void aBadEscapeInThePasswordIsRefusedWithoutQuotingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.of("redis://:hunter%zz2@h"));

        assertEquals("the Redis URL is not a valid URL", refused.getMessage());
    }

    @Test
    void userInfoWithoutColonIsAUserNameAsRedisPyReadsIt() {
        RedisSettings settings = RedisSettings.of("redis://alice@h");

        assertEquals(Optional.of("alice"), settings.user());
        assertEquals(Optional.empty(), settings.password());
    }

    @Test
    void aUserWithAnEmptyPasswordHasNone() {
        RedisSettings settings = RedisSettings.of("redis://alice:@h");

        assertEquals(Optional.of("alice"), settings.user());
        assertEquals(Optional.empty(), settings.password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h:6379", "unix:///var/run/redis.sock", "localhost:6379", "h:6379", "//h"})
    void onlyRedisAndRedissUrlsAreAccepted(String url) {
        assertTrue(refused(url).getMessage().contains("redis://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis:///0", "redis://:" + PASSWORD + "@/0", "rediss://"})
    void aUrlWithoutHostIsRefused(String url) {
        IllegalArgumentException refused = refused(url);
        assertFalse(refused.getMessage().contains(PASSWORD), refused::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/db1", "/1.5", "/2/3", "/-1", "/99999999999"})
    void aPathThatIsNoDatabaseNumberIsRefused(String path) {
        IllegalArgumentException refused = refused("redis://:" + PASSWORD + "@h" + path);
        assertFalse(refused.getMessage().contains(PASSWORD), refused::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://h:0", "redis://h:70000"})
    void aPortOutOfRangeIsRefused(String url) {
        refused(url);
    }

    @Test
    void aMalformedUrlIsRefusedWithoutQuotingIt() {
        IllegalArgumentException refused = refused("redis://:" + PASSWORD + " with space@h");

        assertFalse(refused.getMessage().contains(PASSWORD), refused::getMessage);
        assertEquals(null, refused.getCause(), "the cause would quote the URL");
    }

    @Test
    void withSentinelsTheHostIsTheMasterNameAndBareSentinelHostsTakeTheSentinelPort() {
        RedisSettings settings = RedisSettings.of("redis://alice:" + PASSWORD + "@mymaster/2",
                List.of("s1", "s2:26380", " s3 ", "", "10.0.0.4"), 26390, false);

        assertEquals(Mode.SENTINEL, settings.mode());
        assertEquals("mymaster", settings.host());
        assertEquals(List.of("s1:26390", "s2:26380", "s3:26390", "10.0.0.4:26390"), settings.sentinels());
        // kept for the master and replicas; the sentinels are never given them
        assertEquals(Optional.of("alice"), settings.user());
        assertEquals(Optional.of(PASSWORD), settings.password());
        assertEquals(2, settings.database());
    }

    @Test
    void onlyBlankSentinelHostsAreNoSentinels() {
        assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.of("redis://mymaster", List.of(" ", ""), 26379, false));
    }

    @Test
    void noSentinelHostsAndNoClusterIsOneServer() {
        RedisSettings settings = RedisSettings.of("redis://h:6390/1", List.of(), 26379, false);

        assertEquals(Mode.STANDALONE, settings.mode());
        assertEquals(6390, settings.port());
        assertEquals(1, settings.database());
    }

    @Test
    void sentinelAndClusterTogetherAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.of("redis://mymaster", List.of("s1"), 26379, true));
        assertTrue(refused.getMessage().contains("not both"), refused::getMessage);
    }

    @Test
    void aClusterIsSeededFromTheUrlsNodeAndHasOnlyDatabaseZero() {
        RedisSettings settings = RedisSettings.of("rediss://:" + PASSWORD + "@node1:7000/0", List.of(), 26379, true);

        assertEquals(Mode.CLUSTER, settings.mode());
        assertEquals("node1", settings.host());
        assertEquals(7000, settings.port());
        assertTrue(settings.tls());
        assertEquals(Optional.of(PASSWORD), settings.password());
        assertEquals(List.of(), settings.sentinels());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.of("redis://:" + PASSWORD + "@node1:7000/1", List.of(), 26379, true));
        assertTrue(refused.getMessage().contains("database 0"), refused::getMessage);
        assertFalse(refused.getMessage().contains(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:" + PASSWORD + "@h", "redis://alice:" + PASSWORD + "@h:6380/3",
            "rediss://alice:hunter2%2DSecret@h"})
    void toStringNeverShowsThePassword(String url) {
        RedisSettings settings = RedisSettings.of(url);
        assertEquals(Optional.of(PASSWORD), settings.password());

        for (RedisSettings shown : List.of(settings, settings.withKeyPrefix("p"),
                settings.withTimeouts(Duration.ofMillis(10), Duration.ofMillis(20)), settings.withPoolSize(2),
                RedisSettings.of(url.replace("@h", "@mymaster"), List.of("s1"), 26379, false))) {
            assertFalse(shown.toString().contains(PASSWORD), shown::toString);
            assertFalse(shown.toString().contains("hunter2"), shown::toString);
            assertTrue(shown.toString().contains("password=(set)"), shown::toString);
        }
        assertTrue(RedisSettings.of("redis://h").toString().contains("password=(none)"));
    }

    @Test
    void theWithersChangeOneThingAndKeepTheRest() {
        RedisSettings settings = RedisSettings.of("redis://alice:" + PASSWORD + "@h:6380/3");

        RedisSettings changed = settings.withKeyPrefix("tenant-a")
                .withTimeouts(Duration.ofMillis(100), Duration.ofMillis(200)).withPoolSize(3);

        assertEquals(new RedisSettings(Mode.STANDALONE, "h", 6380, false, Optional.of("alice"), Optional.of(PASSWORD), 3,
                List.of(), "tenant-a", Duration.ofMillis(100), Duration.ofMillis(200), 3), changed);
    }

    @Test
    void blankPrefixesNonPositiveTimeoutsAndEmptyPoolsAreRefused() {
        RedisSettings settings = RedisSettings.of("redis://h");

        assertThrows(IllegalArgumentException.class, () -> settings.withKeyPrefix(" "));
        assertThrows(IllegalArgumentException.class, () -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> settings.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> settings.withPoolSize(0));
    }
}
