package io.gatehouse.application.fake;

import io.gatehouse.application.contract.AttemptGateContract;

class SimpleAttemptGateContractTest extends AttemptGateContract {

    @Override
    protected Parts newParts() {
        SimpleAttemptCounter counter = new SimpleAttemptCounter();
        SimpleFailureStreaks streaks = new SimpleFailureStreaks();
        return new Parts(new SimpleAttemptGate(counter, streaks), counter, streaks);
    }
}
