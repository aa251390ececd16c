package io.gatehouse.application.fake;

import io.gatehouse.application.contract.TokenRevocationsContract;
import io.gatehouse.application.contract.Stores;

class InMemoryTokenRevocationsContractTest extends TokenRevocationsContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
