package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.AttemptCounterContract;
import io.gatehouse.application.fake.SimpleAttemptCounter;
import io.gatehouse.application.port.out.AttemptCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisAttemptCounterContractTest extends AttemptCounterContract {

    private static RedisFixture redis;

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
    protected AttemptCounter newCounter() {
        return redis.openFresh().attemptCounter(new SimpleAttemptCounter());
    }
}
