package io.gatehouse.application.fake;

import io.gatehouse.application.contract.IdentityLinksContract;
import io.gatehouse.application.contract.Stores;

class InMemoryIdentityLinksContractTest extends IdentityLinksContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
