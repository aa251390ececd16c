package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.application.contract.ApiKeyRepositoryContract;
import io.gatehouse.application.contract.CallersContract;
import io.gatehouse.application.contract.GroupRepositoryContract;
import io.gatehouse.application.contract.IdentityLinksContract;
import io.gatehouse.application.contract.IdpSessionRepositoryContract;
import io.gatehouse.application.contract.SettingsRepositoryContract;
import io.gatehouse.application.contract.Stores;
import io.gatehouse.application.contract.TokenRevocationsContract;
import io.gatehouse.application.contract.UserRepositoryContract;
import org.junit.jupiter.api.Nested;

/** Every storage contract of {@code auth-application}, run by a subclass against one database. */
abstract class PortContracts {

    abstract TestDatabase database();

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class Groups extends GroupRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class TokenRevocations extends TokenRevocationsContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class Callers extends CallersContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class IdpSessions extends IdpSessionRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class Links extends IdentityLinksContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }

    @Nested
    class Settings extends SettingsRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return database().emptyStores();
        }
    }
}
