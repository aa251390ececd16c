package io.gatehouse.application.fake;

import io.gatehouse.application.contract.Stores;

/** Fresh in-memory repositories sharing one "database". */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create() {
        InMemoryUserRepository users = new InMemoryUserRepository();
        return new Stores(users, new InMemoryGroupRepository(users), new InMemoryApiKeyRepository(users),
                new InMemoryTokenRevocations(), new InMemorySettingsRepository(), new InMemoryIdentityLinks(users),
                new InMemoryIdpSessions(users));
    }
}
