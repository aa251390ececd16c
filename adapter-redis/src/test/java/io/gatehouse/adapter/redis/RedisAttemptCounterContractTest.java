package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.AttemptCounterContract;
import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.port.out.AttemptCounter;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAttemptCounterContractTest extends AttemptCounterContract {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected AttemptCounter newCounter() {
        return redis.openFresh().attemptCounter(new SimpleAttemptCounter());
    }
}
