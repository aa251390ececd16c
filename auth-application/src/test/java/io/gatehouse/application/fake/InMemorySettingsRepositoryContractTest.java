package io.gatehouse.application.fake;

import io.gatehouse.application.contract.SettingsRepositoryContract;
import io.gatehouse.application.contract.Stores;

class InMemorySettingsRepositoryContractTest extends SettingsRepositoryContract {

    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
