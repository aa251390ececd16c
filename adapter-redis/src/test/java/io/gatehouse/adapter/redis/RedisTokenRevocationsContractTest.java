package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.Stores;
import io.gatehouse.application.contract.TokenRevocationsContract;
import io.gatehouse.application.fake.InMemoryStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

class RedisTokenRevocationsContractTest extends TokenRevocationsContract {

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
    protected Stores emptyStores() {
        Stores durable = InMemoryStores.create();
        return new Stores(durable.users(), durable.groups(), durable.apiKeys(),
                redis.openFresh().tokenRevocations(durable.revocations(), Clock.systemUTC()), durable.settings());
    }
}
