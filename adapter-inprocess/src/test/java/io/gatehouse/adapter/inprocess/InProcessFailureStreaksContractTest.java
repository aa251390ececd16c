package io.gatehouse.adapter.inprocess;

import io.gatehouse.application.contract.FailureStreaksContract;
import io.gatehouse.application.port.out.FailureStreaks;

class InProcessFailureStreaksContractTest extends FailureStreaksContract {

    @Override
    protected FailureStreaks newStreaks() {
        return new InProcessFailureStreaks();
    }
}
