package io.gatehouse.adapter.redis.testing;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real Redis server (the binary embedded-redis brings) on a free loopback port, without persistence, that tests can
 * stop and start again on the same port.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;

    private EmbeddedRedis(int port, String... settings) {
        this.port = port;
        try {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no");
            for (String setting : settings) {
                builder.setting(setting);
            }
            this.server = builder.build();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A started server; {@code settings} are redis.conf lines such as {@code requirepass secret}. */
    public static EmbeddedRedis start(String... settings) {
        EmbeddedRedis redis = new EmbeddedRedis(freePort(), settings);
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Starts the stopped server on the same port, empty. */
    public void startAgain() {
        try {
            server.start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void close() {
        if (server.isActive()) {
            stop();
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
