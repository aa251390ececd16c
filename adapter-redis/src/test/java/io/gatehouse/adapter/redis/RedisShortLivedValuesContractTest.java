package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.ShortLivedValuesContract;
import io.gatehouse.application.port.out.ShortLivedValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.Optional;

class RedisShortLivedValuesContractTest extends ShortLivedValuesContract {

    private static RedisFixture redis;
    private RedisSettings settings;

    @BeforeAll
    static void startRedis() {
        redis = RedisFixture.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void closeConnections() {
        redis.closeConnections();
    }

    @Override
    protected ShortLivedValues newValues() {
        settings = redis.freshSettings();
        return redis.open(settings).shortLivedValues();
    }

    @Override
    protected Optional<Duration> timeToLive(String key) {
        long millis = redis.reader.pttl(settings.keyPrefix() + ":auth:ephemeral:" + key);
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }
}
