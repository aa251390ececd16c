package io.gatehouse.application.fake;

import io.gatehouse.application.contract.IdpSessionRepositoryContract;
import io.gatehouse.application.contract.Stores;

class InMemoryIdpSessionsContractTest extends IdpSessionRepositoryContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
