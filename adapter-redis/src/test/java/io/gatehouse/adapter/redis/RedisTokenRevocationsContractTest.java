package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.Stores;
import io.gatehouse.application.contract.TokenRevocationsContract;
import io.gatehouse.application.fake.InMemoryStores;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;

class RedisTokenRevocationsContractTest extends TokenRevocationsContract {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected Stores emptyStores() {
        Stores durable = InMemoryStores.create();
        return new Stores(durable.users(), durable.groups(), durable.apiKeys(),
                redis.openFresh().tokenRevocations(durable.revocations(), Clock.systemUTC()), durable.settings(),
                durable.identityLinks(), durable.idpSessions(), durable.callers());
    }
}
