package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ApiKeyRepository} does. */
public abstract class ApiKeyRepositoryContract extends StoresContract {

    private static final ApiKeyDigest FIRST = new ApiKeyDigest("a".repeat(64));
    private static final ApiKeyDigest SECOND = new ApiKeyDigest("b".repeat(64));

    private ApiKeyRepository apiKeys() {
        return stores.apiKeys();
    }

    private User account() {
        User user = user("ann@example.org");
        stores.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        return user;
    }

    @Test
    void aKeyReadsBackByDigestAndByUser() {
        User ann = account();
        ApiKey key = new ApiKey(ann.id(), FIRST, "sk-****abcd", T0, Optional.of(T0.plusSeconds(3600)), Optional.empty());

        apiKeys().replace(key);

        assertEquals(Optional.of(key), apiKeys().findByDigest(FIRST));
        assertEquals(Optional.of(key), apiKeys().findByUser(ann.id()));
        assertEquals(Optional.empty(), apiKeys().findByDigest(SECOND));
    }

    @Test
    void aNewKeyReplacesTheOldOne() {
        User ann = account();
        apiKeys().replace(new ApiKey(ann.id(), FIRST, "old", T0, Optional.empty(), Optional.empty()));

        apiKeys().replace(new ApiKey(ann.id(), SECOND, "new", T0.plusSeconds(1), Optional.empty(), Optional.empty()));

        assertEquals(Optional.empty(), apiKeys().findByDigest(FIRST));
        assertEquals("new", apiKeys().findByUser(ann.id()).orElseThrow().hint());
    }

    @Test
    void useIsRecorded() {
        User ann = account();
        apiKeys().replace(new ApiKey(ann.id(), FIRST, "h", T0, Optional.empty(), Optional.empty()));

        apiKeys().recordUse(ann.id(), T0.plusSeconds(42));

        assertEquals(Optional.of(T0.plusSeconds(42)), apiKeys().findByDigest(FIRST).orElseThrow().lastUsedAt());
    }

    @Test
    void deletingTheKeyOrTheUserRemovesIt() {
        User ann = account();
        apiKeys().replace(new ApiKey(ann.id(), FIRST, "h", T0, Optional.empty(), Optional.empty()));

        assertTrue(apiKeys().deleteByUser(ann.id()));
        assertFalse(apiKeys().deleteByUser(ann.id()));
        apiKeys().replace(new ApiKey(ann.id(), SECOND, "h", T0, Optional.empty(), Optional.empty()));
        stores.users().delete(ann.id());

        assertEquals(Optional.empty(), apiKeys().findByDigest(SECOND));
    }
}
