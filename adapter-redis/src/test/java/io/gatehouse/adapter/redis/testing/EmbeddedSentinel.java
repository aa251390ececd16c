package io.gatehouse.adapter.redis.testing;

import redis.embedded.RedisSentinel;
import redis.embedded.core.RedisSentinelBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * A real Redis Sentinel (the binary embedded-redis brings) on a free loopback port, monitoring one or more masters on
 * 127.0.0.1 with a quorum of one. The sentinel itself takes no password, as Open WebUI expects.
 */
public final class EmbeddedSentinel implements AutoCloseable {

    /** A master to monitor: its name, its port on 127.0.0.1, and the password the sentinel must give it, if any. */
    public record Master(String name, int port, Optional<String> password) {

        public static Master of(String name, EmbeddedRedis server) {
            return new Master(name, server.port(), Optional.empty());
        }

        public static Master withPassword(String name, EmbeddedRedis server, String password) {
            return new Master(name, server.port(), Optional.of(password));
        }
    }

    private final int port;
    private final RedisSentinel sentinel;

    private EmbeddedSentinel(int port, RedisSentinel sentinel) {
        this.port = port;
        this.sentinel = sentinel;
    }

    /** A started sentinel monitoring {@code masters}. */
    public static EmbeddedSentinel start(List<Master> masters) {
        int port = freePort();
        // Any setting() replaces the builder's default "sentinel monitor" lines, so every master is spelled out here.
        RedisSentinelBuilder builder = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(port);
        for (Master master : masters) {
            builder.setting("sentinel monitor " + master.name() + " 127.0.0.1 " + master.port() + " 1");
            builder.setting("sentinel down-after-milliseconds " + master.name() + " 60000");
            master.password().ifPresent(password -> builder.setting("sentinel auth-pass " + master.name() + " " + password));
        }
        EmbeddedSentinel started = new EmbeddedSentinel(port, builder.build());
        try {
            started.sentinel.start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return started;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (sentinel.isActive()) {
            try {
                sentinel.stop();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
