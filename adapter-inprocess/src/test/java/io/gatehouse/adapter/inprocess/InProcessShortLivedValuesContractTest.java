package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.contract.ShortLivedValuesContract;
import io.gatehouse.application.fake.MutableClock;
import io.gatehouse.application.port.out.ShortLivedValues;

import java.time.Duration;
import java.util.Optional;

class InProcessShortLivedValuesContractTest extends ShortLivedValuesContract {

    private InProcessShortLivedValues values;

    @Override
    protected ShortLivedValues newValues() {
        values = new InProcessShortLivedValues(MutableClock.startingAt("2026-04-01T10:00:00Z"));
        return values;
    }

    @Override
    protected Optional<Duration> timeToLive(String key) {
        return values.timeToLive(key);
    }
}
