package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.ShortLivedValuesContract;
import io.gatehouse.application.port.out.ShortLivedValues;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

class RedisShortLivedValuesContractTest extends ShortLivedValuesContract {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private RedisSettings settings;

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
