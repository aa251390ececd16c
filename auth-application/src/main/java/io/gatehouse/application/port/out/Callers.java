package io.gatehouse.application.port.out;

import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What recognising the caller of a request reads, in one read: the request path's only trip to storage. Each answer
 * is as fresh as the store (role changes, deletions and revocations show on the very next request) and carries the
 * account's group permissions, so that the request needs nothing else to know what the caller may do.
 */
public interface Callers {

    /**
     * The session token's account, and whether the token was revoked one by one ({@link TokenRevocations}); empty
     * when the account does not exist.
     */
    Optional<SessionCaller> bySessionToken(UserId userId, TokenId tokenId);

    /** The key with that digest and its owner; empty when there is no such key. */
    Optional<ApiKeyCaller> byApiKey(ApiKeyDigest digest);

    /** An account with the permissions of each group it belongs to (each group once). */
    record Account(User user, List<PermissionTree> groupPermissions) {
        public Account {
            Objects.requireNonNull(user, "user");
            groupPermissions = List.copyOf(groupPermissions);
        }
    }

    record SessionCaller(Account account, boolean tokenRevoked) {
        public SessionCaller {
            Objects.requireNonNull(account, "account");
        }
    }

    record ApiKeyCaller(ApiKey key, Account owner) {
        public ApiKeyCaller {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
