package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.FailureStreaksContract;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.FailureStreaks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class RedisFailureStreaksContractTest extends FailureStreaksContract {

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
    protected FailureStreaks newStreaks() {
        return redis.openFresh().failureStreaks(new SimpleFailureStreaks());
    }
}
