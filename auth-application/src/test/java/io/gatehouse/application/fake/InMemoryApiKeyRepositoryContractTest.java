package io.gatehouse.application.fake;

import io.gatehouse.application.contract.ApiKeyRepositoryContract;
import io.gatehouse.application.contract.Stores;

class InMemoryApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
