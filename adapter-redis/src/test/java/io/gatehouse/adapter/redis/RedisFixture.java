package io.gatehouse.adapter.redis;

import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A real Redis server, connections to it that are closed after each test, and a plain client to read keys back as
 * Redis holds them. Each connection gets its own key prefix, so tests never see each other's keys.
 *
 * <p>Registered with {@code @RegisterExtension} on a static field, one server serves the whole class; on an instance
 * field, each test gets a server of its own (for tests that stop it).
 */
final class RedisFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    EmbeddedRedis server;
    RedisClient reader;
    private boolean perClass;
    private final List<Redis> opened = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Redis::close);
        opened.clear();
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        server = EmbeddedRedis.start();
        reader = RedisClient.create(server.url());
    }

    private void stop() {
        reader.close();
        server.close();
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
}
