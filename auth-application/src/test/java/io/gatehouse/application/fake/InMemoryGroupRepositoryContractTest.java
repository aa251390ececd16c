package io.gatehouse.application.fake;

import io.gatehouse.application.contract.GroupRepositoryContract;
import io.gatehouse.application.contract.Stores;

class InMemoryGroupRepositoryContractTest extends GroupRepositoryContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
