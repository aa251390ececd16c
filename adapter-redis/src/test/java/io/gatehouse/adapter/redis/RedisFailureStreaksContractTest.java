package io.gatehouse.adapter.redis;

import io.gatehouse.application.contract.FailureStreaksContract;
import io.gatehouse.application.fake.SimpleFailureStreaks;
import io.gatehouse.application.port.out.FailureStreaks;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisFailureStreaksContractTest extends FailureStreaksContract {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected FailureStreaks newStreaks() {
        return redis.openFresh().failureStreaks(new SimpleFailureStreaks());
    }
}
