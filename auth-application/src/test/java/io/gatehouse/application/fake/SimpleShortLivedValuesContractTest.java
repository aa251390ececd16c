package io.gatehouse.application.fake;

import io.gatehouse.application.contract.ShortLivedValuesContract;
import io.gatehouse.application.port.out.ShortLivedValues;

import java.time.Duration;
import java.util.Optional;

class SimpleShortLivedValuesContractTest extends ShortLivedValuesContract {

    private final MutableClock clock = MutableClock.startingAt("2026-04-01T10:00:00Z");
    private SimpleShortLivedValues values;

    @Override
    protected ShortLivedValues newValues() {
        values = new SimpleShortLivedValues(clock);
        return values;
    }

    @Override
    protected Optional<Duration> timeToLive(String key) {
        return values.timeToLive(key);
    }
}
