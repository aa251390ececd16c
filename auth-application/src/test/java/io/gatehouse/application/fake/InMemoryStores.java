package io.gatehouse.application.fake;

import io.gatehouse.application.contract.Stores;

/** Fresh in-memory repositories sharing one "database". */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create() {
        InMemoryUserRepository users = new InMemoryUserRepository();
        InMemoryGroupRepository groups = new InMemoryGroupRepository(users);
        InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(users);
        InMemoryTokenRevocations revocations = new InMemoryTokenRevocations();
        return new Stores(users, groups, apiKeys, revocations, new InMemorySettingsRepository(),
                new InMemoryIdentityLinks(users), new InMemoryIdpSessions(users),
                new InMemoryCallers(users, groups, apiKeys, revocations));
    }
}
