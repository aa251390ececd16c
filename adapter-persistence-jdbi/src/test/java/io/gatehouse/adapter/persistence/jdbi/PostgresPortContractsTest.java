package io.gatehouse.adapter.persistence.jdbi;

/** The storage contracts against a real PostgreSQL server. */
class PostgresPortContractsTest extends PortContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
