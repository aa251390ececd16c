package io.gatehouse.application.fake;

import io.gatehouse.application.contract.FailureStreaksContract;
import io.gatehouse.application.port.out.FailureStreaks;

class SimpleFailureStreaksContractTest extends FailureStreaksContract {

    @Override
    protected FailureStreaks newStreaks() {
        return new SimpleFailureStreaks();
    }
}
