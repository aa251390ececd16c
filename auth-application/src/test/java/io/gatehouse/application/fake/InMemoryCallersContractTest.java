package io.gatehouse.application.fake;

import io.gatehouse.application.contract.CallersContract;
import io.gatehouse.application.contract.Stores;

class InMemoryCallersContractTest extends CallersContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
