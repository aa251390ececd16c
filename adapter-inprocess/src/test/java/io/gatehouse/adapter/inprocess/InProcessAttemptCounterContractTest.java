package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.contract.AttemptCounterContract;
import io.gatehouse.application.port.out.AttemptCounter;

class InProcessAttemptCounterContractTest extends AttemptCounterContract {

    @Override
    protected AttemptCounter newCounter() {
        return new InProcessAttemptCounter();
    }
}
