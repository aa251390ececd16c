package io.gatehouse.application.contract;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the storage contracts: each test starts from empty stores that {@link #emptyStores()} provides. The fakes
 * run these contracts in this module; each persistence adapter runs them against its databases.
 */
public abstract class StoresContract {

    protected Stores stores;

    /** Fresh, empty repositories sharing one store. Called before every test. */
    protected abstract Stores emptyStores();

    @BeforeEach
    final void freshStores() {
        stores = emptyStores();
    }
}
