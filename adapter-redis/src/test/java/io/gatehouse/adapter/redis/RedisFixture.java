package io.gatehouse.adapter.redis;

import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import redis.clients.jedis.RedisClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A real Redis server for one test class, connections to it that {@link #closeConnections()} closes after each test,
 * and a plain client to read keys back as Redis holds them. Each connection gets its own key prefix, so tests never
 * see each other's keys.
 */
final class RedisFixture implements AutoCloseable {

    final EmbeddedRedis server;
    final RedisClient reader;
    private final List<Redis> opened = new ArrayList<>();

    private RedisFixture(EmbeddedRedis server) {
        this.server = server;
        this.reader = RedisClient.create(server.url());
    }

    static RedisFixture start() {
        return new RedisFixture(EmbeddedRedis.start());
    }

    RedisSettings freshSettings() {
        return RedisSettings.of(server.url()).withKeyPrefix("test-" + UUID.randomUUID());
    }

    Redis open(RedisSettings settings) {
        return open(settings, System::nanoTime);
    }

    Redis open(RedisSettings settings, LongSupplier nanoTime) {
        Redis redis = Redis.open(settings, nanoTime);
        opened.add(redis);
        return redis;
    }

    Redis openFresh() {
        return open(freshSettings());
    }

    void closeConnections() {
        opened.forEach(Redis::close);
        opened.clear();
    }

    @Override
    public void close() {
        closeConnections();
        reader.close();
        server.close();
    }
}
