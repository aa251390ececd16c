package io.gatehouse.application.fake;

import io.gatehouse.application.contract.AttemptCounterContract;
import io.gatehouse.application.port.out.AttemptCounter;

class SimpleAttemptCounterContractTest extends AttemptCounterContract {

    @Override
    protected AttemptCounter newCounter() {
        return new SimpleAttemptCounter();
    }
}
