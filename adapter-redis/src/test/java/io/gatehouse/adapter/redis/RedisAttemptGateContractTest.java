package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.AttemptGateContract;
import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.fake.SimpleAttemptGate;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAttemptGateContractTest extends AttemptGateContract {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected Parts newParts() {
        Redis connection = redis.openFresh();
        SimpleAttemptCounter localCounter = new SimpleAttemptCounter();
        SimpleFailureStreaks localStreaks = new SimpleFailureStreaks();
        return new Parts(connection.attemptGate(new SimpleAttemptGate(localCounter, localStreaks)),
                connection.attemptCounter(localCounter), connection.failureStreaks(localStreaks));
    }
}
