package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.port.out.SettingsBroadcast;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.TokenRevocations;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One pooled connection to Redis (a single server, a master behind Sentinel, or a cluster) and the port
 * implementations over it. Thread-safe; close it to release the pool and the settings listener.
 */
public final class Redis implements AutoCloseable {

    /** How long calls skip Redis after it failed to answer, before trying it again. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final UnifiedJedis client;
    private final Keys keys;
    private final boolean cluster;
    private final Availability availability;
    private final RedisSettingsBroadcast broadcast;

    private Redis(UnifiedJedis client, String keyPrefix, boolean cluster, LongSupplier nanoTime) {
        this.client = client;
        this.keys = new Keys(keyPrefix);
        this.cluster = cluster;
        this.availability = new Availability(client, RETRY_PAUSE, nanoTime, idleConnectionsDropper(client));
        this.broadcast = new RedisSettingsBroadcast(client, availability, keys, RETRY_PAUSE);
    }

    /**
     * Opens the pool. A single server need not be up yet; Sentinel and Cluster must answer now, since the master and
     * the cluster's layout are found at start.
     *
     * @throws IllegalStateException when Sentinel or Cluster cannot be reached
     */
    public static Redis open(RedisSettings settings) {
        return open(settings, System::nanoTime);
    }

    /** As {@link #open(RedisSettings)}, with the time source that paces retries: for tests. */
    static Redis open(RedisSettings settings, LongSupplier nanoTime) {
        Objects.requireNonNull(settings, "settings");
        try {
            return new Redis(client(settings), settings.keyPrefix(), settings.mode() == RedisSettings.Mode.CLUSTER,
                    nanoTime);
        } catch (JedisException unreachable) {
            throw new IllegalStateException("cannot reach Redis " + settings.mode().name().toLowerCase(Locale.ROOT) + " at "
                    + settings.host() + ": " + unreachable.getClass().getSimpleName());
        }
    }

    private static UnifiedJedis client(RedisSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(settings.timeout());            // never wait without end for a pooled connection
        JedisClientConfig config = clientConfig(settings, true);
        return switch (settings.mode()) {
            case STANDALONE -> RedisClient.builder().hostAndPort(settings.host(), settings.port())
                    .clientConfig(config).poolConfig(pool).build();
            case SENTINEL -> RedisSentinelClient.builder().masterName(settings.host())
                    .sentinels(settings.sentinels().stream().map(HostAndPort::from)
                            .collect(Collectors.toCollection(LinkedHashSet::new)))
                    .clientConfig(config).sentinelClientConfig(clientConfig(settings, false)).poolConfig(pool).build();
            case CLUSTER -> RedisClusterClient.builder().nodes(Set.of(new HostAndPort(settings.host(), settings.port())))
                    .clientConfig(config).poolConfig(pool).build();
        };
    }

    /**
     * After a failure the idle pooled connections of a single server are dropped: after a restart they are all dead,
     * and each would otherwise fail one more request. Sentinel and Cluster clients replace their connections themselves.
     */
    private static Runnable idleConnectionsDropper(UnifiedJedis client) {
        return client instanceof RedisClient standalone ? () -> standalone.getPool().clear() : () -> { };
    }

    /** The data nodes' configuration, or the sentinels' (which take no database and, as in Open WebUI, no password). */
    private static JedisClientConfig clientConfig(RedisSettings settings, boolean dataNode) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(settings.timeout().toMillis()))
                .ssl(settings.tls())
                .clientName("gatehouse");
        if (dataNode) {
            config.database(settings.database());
            settings.user().ifPresent(config::user);
            settings.password().ifPresent(config::password);
        }
        return config.build();
    }

    /** Sign-in counts shared by every instance; {@code whenUnreachable} counts meanwhile when Redis does not answer. */
    public AttemptCounter attemptCounter(AttemptCounter whenUnreachable) {
        return new RedisAttemptCounter(availability, keys, Objects.requireNonNull(whenUnreachable, "whenUnreachable"));
    }

    /** Failure streaks shared by every instance; {@code whenUnreachable} counts meanwhile when Redis does not answer. */
    public FailureStreaks failureStreaks(FailureStreaks whenUnreachable) {
        return new RedisFailureStreaks(availability, keys, Objects.requireNonNull(whenUnreachable, "whenUnreachable"));
    }

    /**
     * The sign-in gate shared by every instance, over the same keys as {@link #attemptCounter} and
     * {@link #failureStreaks}: one round trip per attempt (three in a cluster, whose slots keep the keys apart);
     * {@code whenUnreachable} decides meanwhile when Redis does not answer, and should work on the instances given to
     * those two as theirs.
     */
    public AttemptGate attemptGate(AttemptGate whenUnreachable) {
        return new RedisAttemptGate(availability, keys, !cluster,
                Objects.requireNonNull(whenUnreachable, "whenUnreachable"));
    }

    /** Revocations kept in {@code durable} and mirrored in Redis, where a revoked token is found fastest. */
    public TokenRevocations tokenRevocations(TokenRevocations durable, Clock clock) {
        return new RedisTokenRevocations(availability, keys, Objects.requireNonNull(durable, "durable"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Login state and other values that live for minutes, shared by every instance. */
    public ShortLivedValues shortLivedValues() {
        return new RedisShortLivedValues(availability, keys);
    }

    /** Announces settings changes to the other instances. */
    public SettingsBroadcast settingsBroadcast() {
        return broadcast;
    }

    /**
     * Runs {@code reload} (on a listener thread) whenever another instance announces a settings change, and each time
     * the listener connects, so that changes announced while it was cut off are read too. Call once.
     */
    public void onSettingsChanged(Runnable reload) {
        broadcast.listen(reload);
    }

    /** Whether the last call found Redis answering: for health checks. */
    public boolean isAnswering() {
        return availability.isUp();
    }

    @Override
    public void close() {
        broadcast.close();
        client.close();
    }
}
