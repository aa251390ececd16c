package io.gatehouse.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Redis is and how to talk to it, in Open WebUI's terms: a {@code redis://} or {@code rediss://} (TLS) URL with
 * optional user, password and database; with Sentinel, the URL's host is the name of the monitored master and the
 * sentinels are listed apart; with Cluster, the URL's host is one node of the cluster. The password never appears in
 * {@link #toString()}.
 *
 * @param mode           a single server, a master found through Sentinel, or a cluster
 * @param host           the server, the master's name (Sentinel), or a seed node (Cluster)
 * @param port           the server's port (6379 unless the URL says otherwise)
 * @param tls            whether the URL was {@code rediss://}
 * @param user           the ACL user, if any
 * @param password       the password, if any
 * @param database       the logical database (0 unless the URL's path says otherwise; Cluster has only 0)
 * @param sentinels      the sentinels' addresses as {@code host:port} (Sentinel only)
 * @param keyPrefix      the first part of every key and channel name ({@code REDIS_KEY_PREFIX})
 * @param connectTimeout how long opening a connection may take
 * @param timeout        how long a command, or waiting for a pooled connection, may take
 * @param poolSize       the most connections held open
 */
public record RedisSettings(Mode mode, String host, int port, boolean tls, Optional<String> user,
                            Optional<String> password, int database, List<String> sentinels, String keyPrefix,
                            Duration connectTimeout, Duration timeout, int poolSize) {

    public static final int DEFAULT_PORT = 6379;
    public static final int DEFAULT_SENTINEL_PORT = 26379;
    public static final String DEFAULT_KEY_PREFIX = "open-webui";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_POOL_SIZE = 16;

    /** How the servers are arranged. */
    public enum Mode { STANDALONE, SENTINEL, CLUSTER }

    public RedisSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        sentinels = List.copyOf(sentinels);
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the Redis URL names no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the Redis port must be between 1 and 65535");
        }
        if (database < 0) {
            throw new IllegalArgumentException("the Redis database must not be negative");
        }
        if (mode == Mode.SENTINEL && sentinels.isEmpty()) {
            throw new IllegalArgumentException("Sentinel needs at least one sentinel host");
        }
        if (mode == Mode.CLUSTER && database != 0) {
            throw new IllegalArgumentException("a Redis cluster has only database 0");
        }
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("the Redis key prefix must not be blank");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Redis timeouts must be positive");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the Redis pool needs at least one connection");
        }
    }

    /** A single server at {@code url}, with the default prefix, timeouts and pool. */
    public static RedisSettings of(String url) {
        return fromUrl(url, Mode.STANDALONE, List.of());
    }

    /**
     * The settings Open WebUI reads: {@code REDIS_URL}, {@code REDIS_SENTINEL_HOSTS} (comma-separated; when set, the
     * URL's host is the master's name) with {@code REDIS_SENTINEL_PORT}, and {@code REDIS_CLUSTER}.
     */
    public static RedisSettings of(String url, List<String> sentinelHosts, int sentinelPort, boolean cluster) {
        if (!sentinelHosts.isEmpty() && cluster) {
            throw new IllegalArgumentException("choose Redis Sentinel or Redis Cluster, not both");
        }
        if (sentinelHosts.isEmpty()) {
            return fromUrl(url, cluster ? Mode.CLUSTER : Mode.STANDALONE, List.of());
        }
        List<String> sentinels = sentinelHosts.stream().map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> portSeparator(host) >= 0 ? host : host + ":" + sentinelPort).toList();
        return fromUrl(url, Mode.SENTINEL, sentinels);
    }

    private static RedisSettings fromUrl(String url, Mode mode, List<String> sentinels) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException malformed) {
            // The message would quote the URL, password included.
            throw new IllegalArgumentException("the Redis URL is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("the Redis URL must start with redis:// or rediss://");
        }
        // The authority is read by hand: java.net.URI leaves the host and user info empty for names with "_",
        // legal for Sentinel master names and container hosts, which Open WebUI (redis-py) accepts.
        String authority = Optional.ofNullable(uri.getRawAuthority()).orElse("");
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(at + 1);
        int portSeparator = portSeparator(hostAndPort);
        String host = portSeparator < 0 ? hostAndPort : hostAndPort.substring(0, portSeparator);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the Redis URL names no host");
        }
        int port = portSeparator < 0 ? DEFAULT_PORT : port(hostAndPort.substring(portSeparator + 1));
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            // redis-py's reading: "user:password", ":password", or "user" alone
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? info : info.substring(0, colon);
            String rawPassword = colon < 0 ? "" : info.substring(colon + 1);
            user = Optional.of(decode(rawUser)).filter(name -> !name.isEmpty());
            password = Optional.of(decode(rawPassword)).filter(secret -> !secret.isEmpty());
        }
        return new RedisSettings(mode, host, port, scheme.equals("rediss"), user, password, database(uri.getPath()),
                sentinels, DEFAULT_KEY_PREFIX, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_POOL_SIZE);
    }

    /** Where the port starts in {@code host:port}, {@code [v6]:port}, or -1 when no port is given. */
    private static int portSeparator(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        boolean insideBrackets = hostAndPort.startsWith("[") && colon < hostAndPort.indexOf(']');
        return colon < 0 || insideBrackets ? -1 : colon;
    }

    private static int port(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("the Redis URL's port must be a number");
        }
    }

    private static int database(String path) {
        String number = path == null ? "" : path.replaceFirst("^/", "");
        if (number.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("the Redis URL's path must be a database number");
        }
    }

    /** Percent-decoding only: {@link URI} has already refused malformed escapes, so nothing here can quote the text. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(mode, host, port, tls, user, password, database, sentinels, prefix, connectTimeout,
                timeout, poolSize);
    }

    public RedisSettings withTimeouts(Duration connect, Duration command) {
        return new RedisSettings(mode, host, port, tls, user, password, database, sentinels, keyPrefix, connect,
                command, poolSize);
    }

    public RedisSettings withPoolSize(int size) {
        return new RedisSettings(mode, host, port, tls, user, password, database, sentinels, keyPrefix, connectTimeout,
                timeout, size);
    }

    @Override
    public String toString() {
        return "RedisSettings[mode=" + mode + ", host=" + host + ", port=" + port + ", tls=" + tls + ", user="
                + user.orElse("") + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", database="
                + database + ", sentinels=" + sentinels + ", keyPrefix=" + keyPrefix + ", connectTimeout="
                + connectTimeout + ", timeout=" + timeout + ", poolSize=" + poolSize + "]";
    }
}
