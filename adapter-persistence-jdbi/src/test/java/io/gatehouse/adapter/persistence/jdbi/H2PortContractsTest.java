package io.gatehouse.adapter.persistence.jdbi;

/** The storage contracts against H2, in memory. */
class H2PortContractsTest extends PortContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
