package io.gatehouse.application.fake;

import io.gatehouse.application.contract.UserRepositoryContract;
import io.gatehouse.application.contract.Stores;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
