package io.gatehouse.adapter.persistence.jdbi.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.adapter.persistence.jdbi.JdbiPersistence;
import io.gatehouse.adapter.persistence.jdbi.TestDatabase;
import io.gatehouse.adapter.persistence.jdbi.internal.JdbiCallers.SessionKey;
import io.gatehouse.application.port.out.Callers.ApiKeyCaller;
import io.gatehouse.application.port.out.Callers.SessionCaller;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The statements that read many callers at once, on each database: every caller gets its own account, groups and
 * revocation, whatever the number of keys (each padded to a power of two) and whichever keys match nothing.
 */
class JdbiCallersStatementsTest {

    private JdbiPersistence persistence;
    private HikariDataSource pool;
    private JdbiCallers callers;
    private final List<Group> groups = new ArrayList<>();

    private void open(TestDatabase database) {
        persistence = database.openEmpty(Clock.fixed(T0, ZoneOffset.UTC));
        pool = database.pool();
        callers = new JdbiCallers(new Database(pool));
        for (String feature : List.of("notes", "api_keys", "web_search")) {
            Group group = Group.create(new GroupName(feature), "", PermissionTree.of(Map.of("features", Map.of(feature, true))),
                    new FreeFormData(Map.of()), ShareSetting.MEMBERS, UserId.random(), T0);
            persistence.groups().insert(group);
            groups.add(group);
        }
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
        if (persistence != null) {
            persistence.close();
        }
    }

    /** Account {@code n}: in group {@code n % 3}, and in every group when {@code n % 5 == 0}; none when {@code n % 7 == 0}. */
    private User account(int n) {
        User user = user("user" + n + "@example.org");
        persistence.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        for (int g = 0; g < groups.size(); g++) {
            if (n % 7 != 0 && (n % 5 == 0 || n % 3 == g)) {
                persistence.groups().addMembers(groups.get(g).id(), List.of(user.id()), MembershipSource.ADMIN, T0);
            }
        }
        return persistence.users().findById(user.id()).orElseThrow();
    }

    private Set<PermissionTree> expectedPermissions(int n) {
        Set<PermissionTree> expected = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            if (n % 7 != 0 && (n % 5 == 0 || n % 3 == g)) {
                expected.add(groups.get(g).permissions());
            }
        }
        return expected;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sessionTokensOfManyCallersAreReadTogether(TestDatabase database) {
        open(database);
        List<User> accounts = new ArrayList<>();
        List<SessionKey> keys = new ArrayList<>();
        Set<SessionKey> revoked = new HashSet<>();
        for (int n = 0; n < JdbiCallers.CALLERS_PER_STATEMENT - 2; n++) {
            User account = account(n);
            accounts.add(account);
            TokenClaims token = TokenClaims.issue(account.id(), TokenType.SESSION, account.tokenVersion(),
                    TokenLifetime.parse("1h").orElseThrow(), T0);
            SessionKey key = new SessionKey(account.id().value(), token.tokenId().value());
            keys.add(key);
            if (n % 4 == 1) {
                persistence.tokenRevocations().revoke(token);
                revoked.add(key);
            }
        }
        SessionKey unknownAccount = new SessionKey(UserId.random().value(), "token-of-nobody");
        SessionKey otherToken = new SessionKey(accounts.get(1).id().value(), "another-token-of-account-1");
        keys.add(unknownAccount);
        keys.add(otherToken);

        for (int size : List.of(1, 3, 5, keys.size())) {
            List<SessionKey> asked = keys.subList(keys.size() - size, keys.size());
            Map<SessionKey, SessionCaller> found = callers.sessions(asked);

            for (SessionKey key : asked) {
                if (key.equals(unknownAccount)) {
                    assertEquals(Optional.empty(), Optional.ofNullable(found.get(key)), "an unknown account is no caller");
                    continue;
                }
                int n = key.equals(otherToken) ? 1 : keys.indexOf(key);
                SessionCaller caller = found.get(key);
                assertEquals(accounts.get(n), caller.account().user(), "account " + n + " of " + size);
                assertEquals(revoked.contains(key), caller.tokenRevoked(), "revocation of token " + n + " of " + size);
                assertEquals(expectedPermissions(n), Set.copyOf(caller.account().groupPermissions()), "groups of " + n);
                assertEquals(expectedPermissions(n).size(), caller.account().groupPermissions().size(), "each group once");
            }
            assertEquals(asked.contains(unknownAccount) ? size - 1 : size, found.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void apiKeysOfManyCallersAreReadTogether(TestDatabase database) {
        open(database);
        List<User> accounts = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int n = 0; n < JdbiCallers.CALLERS_PER_STATEMENT - 1; n++) {
            User account = account(n);
            accounts.add(account);
            String digest = String.format("%064x", n + 1);
            persistence.apiKeys().replace(new ApiKey(account.id(), new ApiKeyDigest(digest), "sk-****" + n, T0,
                    Optional.empty(), Optional.empty()));
            digests.add(digest);
        }
        String unknown = "f".repeat(64);
        digests.add(unknown);

        for (int size : List.of(1, 2, 6, digests.size())) {
            List<String> asked = digests.subList(digests.size() - size, digests.size());
            Map<String, ApiKeyCaller> found = callers.apiKeys(asked);

            assertEquals(size - 1, found.size(), "every key but the unknown one");
            for (String digest : asked.subList(0, size - 1)) {
                int n = digests.indexOf(digest);
                ApiKeyCaller caller = found.get(digest);
                assertEquals(digest, caller.key().digest().hex());
                assertEquals(accounts.get(n), caller.owner().user());
                assertEquals(expectedPermissions(n), Set.copyOf(caller.owner().groupPermissions()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noStatementReadsMoreCallersThanItsLimit(TestDatabase database) {
        open(database);
        List<String> tooMany = new ArrayList<>();
        for (int n = 0; n <= JdbiCallers.CALLERS_PER_STATEMENT; n++) {
            tooMany.add(String.format("%064x", n));
        }

        assertThrows(IllegalArgumentException.class, () -> callers.apiKeys(tooMany));
    }
}
