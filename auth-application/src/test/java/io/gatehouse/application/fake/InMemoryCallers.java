package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.user.UserId;

import java.util.Optional;

/** {@link Callers} as several reads of the in-memory repositories it is given. */
public final class InMemoryCallers implements Callers {

    private final UserRepository users;
    private final GroupRepository groups;
    private final ApiKeyRepository apiKeys;
    private final TokenRevocations revocations;

    public InMemoryCallers(UserRepository users, GroupRepository groups, ApiKeyRepository apiKeys,
                           TokenRevocations revocations) {
        this.users = users;
        this.groups = groups;
        this.apiKeys = apiKeys;
        this.revocations = revocations;
    }

    @Override
    public Optional<SessionCaller> bySessionToken(UserId userId, TokenId tokenId) {
        return account(userId).map(account -> new SessionCaller(account, revocations.isRevoked(tokenId)));
    }

    @Override
    public Optional<ApiKeyCaller> byApiKey(ApiKeyDigest digest) {
        return apiKeys.findByDigest(digest)
                .flatMap(key -> account(key.userId()).map(owner -> new ApiKeyCaller(key, owner)));
    }

    private Optional<Account> account(UserId userId) {
        return users.findById(userId).map(user -> new Account(user, groups.permissionTreesOf(userId)));
    }
}
