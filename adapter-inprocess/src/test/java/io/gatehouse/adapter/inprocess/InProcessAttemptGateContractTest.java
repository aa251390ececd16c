package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.contract.AttemptGateContract;

class InProcessAttemptGateContractTest extends AttemptGateContract {

    @Override
    protected Parts newParts() {
        InProcessAttemptCounter counter = new InProcessAttemptCounter();
        InProcessFailureStreaks streaks = new InProcessFailureStreaks();
        return new Parts(new InProcessAttemptGate(counter, streaks), counter, streaks);
    }
}
