package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.Callers.Account;
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
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link Callers} does: the same answers as the repositories it reads for, in one read. */
public abstract class CallersContract extends StoresContract {

    private static final ApiKeyDigest DIGEST = new ApiKeyDigest("c".repeat(64));

    private Callers callers() {
        return stores.callers();
    }

    private User account(String email) {
        User user = user(email);
        stores.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        return stores.users().findById(user.id()).orElseThrow();
    }

    private Group group(String name, String feature) {
        Group group = Group.create(new GroupName(name), "", PermissionTree.of(Map.of("features", Map.of(feature, true))),
                new FreeFormData(Map.of()), ShareSetting.MEMBERS, UserId.random(), T0);
        assertTrue(stores.groups().insert(group));
        return group;
    }

    private static Set<PermissionTree> permissions(Account account) {
        return Set.copyOf(account.groupPermissions());
    }

    private static TokenClaims token(User user) {
        return TokenClaims.issue(user.id(), TokenType.SESSION, user.tokenVersion(), TokenLifetime.parse("1h").orElseThrow(), T0);
    }

    @Test
    void aSessionTokensAccountComesWithEachOfItsGroupsPermissionsOnce() {
        User ann = account("ann@example.org");
        User bob = account("bob@example.org");
        Group notes = group("notes", "notes");
        Group keys = group("keys", "api_keys");
        group("elsewhere", "web_search");
        stores.groups().addMembers(notes.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);
        stores.groups().addMembers(notes.id(), List.of(ann.id()), MembershipSource.OAUTH, T0);
        stores.groups().addMembers(keys.id(), List.of(ann.id(), bob.id()), MembershipSource.ADMIN, T0);

        Callers.SessionCaller caller = callers().bySessionToken(ann.id(), TokenId.random()).orElseThrow();

        assertEquals(ann, caller.account().user());
        assertFalse(caller.tokenRevoked());
        assertEquals(2, caller.account().groupPermissions().size(), "each group once, whatever the sources");
        assertEquals(Set.of(notes.permissions(), keys.permissions()), permissions(caller.account()));
    }

    @Test
    void anAccountWithoutGroupsHasNoGroupPermissions() {
        User ann = account("ann@example.org");

        assertEquals(List.of(), callers().bySessionToken(ann.id(), TokenId.random()).orElseThrow()
                .account().groupPermissions());
    }

    @Test
    void aTokenRevokedOneByOneIsSaidSoAndOthersAreNot() {
        User ann = account("ann@example.org");
        TokenClaims revoked = token(ann);
        stores.revocations().revoke(revoked);

        assertTrue(callers().bySessionToken(ann.id(), revoked.tokenId()).orElseThrow().tokenRevoked());
        assertFalse(callers().bySessionToken(ann.id(), token(ann).tokenId()).orElseThrow().tokenRevoked());
    }

    @Test
    void anUnknownOrDeletedAccountIsNoCaller() {
        User ann = account("ann@example.org");
        stores.users().delete(ann.id());

        assertEquals(Optional.empty(), callers().bySessionToken(ann.id(), TokenId.random()));
        assertEquals(Optional.empty(), callers().bySessionToken(UserId.random(), TokenId.random()));
    }

    @Test
    void anApiKeyComesWithItsOwnerAndTheOwnersGroupPermissions() {
        User ann = account("ann@example.org");
        Group keys = group("keys", "api_keys");
        stores.groups().addMembers(keys.id(), List.of(ann.id()), MembershipSource.ADMIN, T0);
        ApiKey key = new ApiKey(ann.id(), DIGEST, "sk-****abcd", T0, Optional.of(T0.plusSeconds(60)),
                Optional.of(T0.plusSeconds(5)));
        stores.apiKeys().replace(key);

        Callers.ApiKeyCaller caller = callers().byApiKey(DIGEST).orElseThrow();

        assertEquals(key, caller.key());
        assertEquals(ann, caller.owner().user());
        assertEquals(List.of(keys.permissions()), caller.owner().groupPermissions());
    }

    @Test
    void anUnknownKeyOrTheKeyOfADeletedAccountIsNoCaller() {
        User ann = account("ann@example.org");
        stores.apiKeys().replace(new ApiKey(ann.id(), DIGEST, "h", T0, Optional.empty(), Optional.empty()));

        assertEquals(Optional.empty(), callers().byApiKey(new ApiKeyDigest("d".repeat(64))));
        stores.users().delete(ann.id());
        assertEquals(Optional.empty(), callers().byApiKey(DIGEST));
    }

    @Test
    void callersReadAtTheSameTimeEachGetTheirOwnAccountGroupsAndRevocation() throws InterruptedException {
        Group notes = group("notes", "notes");
        List<User> accounts = new ArrayList<>();
        List<TokenClaims> tokens = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            User account = account("user" + n + "@example.org");
            if (n % 2 == 0) {
                stores.groups().addMembers(notes.id(), List.of(account.id()), MembershipSource.ADMIN, T0);
            }
            TokenClaims token = token(account);
            if (n % 3 == 0) {
                stores.revocations().revoke(token);
            }
            accounts.add(account);
            tokens.add(token);
        }
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            int offset = r;
            Thread reader = new Thread(() -> {
                for (int i = 0; i < 10 * accounts.size(); i++) {
                    int n = (i + offset * 7) % accounts.size();
                    Optional<Callers.SessionCaller> caller = callers().bySessionToken(accounts.get(n).id(), tokens.get(n).tokenId());
                    boolean right = caller.isPresent() && caller.get().account().user().equals(accounts.get(n))
                            && caller.get().tokenRevoked() == (n % 3 == 0)
                            && caller.get().account().groupPermissions().equals(n % 2 == 0 ? List.of(notes.permissions()) : List.of());
                    if (!right) {
                        wrong.incrementAndGet();
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (Thread reader : readers) {
            reader.join(30_000);
            assertFalse(reader.isAlive(), "a read was never answered");
        }

        assertEquals(0, wrong.get(), "reads answered with another caller's account, groups or revocation");
    }

    @Test
    void theAccountIsReadAsItIsNow() {
        User ann = account("ann@example.org");
        stores.users().save(ann.withName("Ann B.", T0.plusSeconds(1)).withTokensRevoked(T0.plusSeconds(1)));

        User read = callers().bySessionToken(ann.id(), TokenId.random()).orElseThrow().account().user();
        assertEquals("Ann B.", read.name());
        assertEquals(ann.tokenVersion() + 1, read.tokenVersion());
    }
}
