package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link io.gatehouse.application.port.out.IdentityLinks} must do. */
public abstract class IdentityLinksContract extends StoresContract {

    private User stored(String email) {
        User user = user(email);
        stores.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        return user;
    }

    @Test
    void aLinkedIdentityFindsItsAccount() {
        User ann = stored("ann@example.org");

        assertTrue(stores.identityLinks().link(ann.id(), "oidc", "sub-1"));

        assertEquals(Optional.of(ann.id()), stores.identityLinks().findUser("oidc", "sub-1"));
        assertEquals(Optional.empty(), stores.identityLinks().findUser("google", "sub-1"), "providers are apart");
        assertEquals(Optional.empty(), stores.identityLinks().findUser("oidc", "SUB-1"), "subjects are exact");
    }

    @Test
    void anIdentityBelongsToOneAccountAndAnAccountHasOneSubjectPerProvider() {
        User ann = stored("ann@example.org");
        User bob = stored("bob@example.org");
        stores.identityLinks().link(ann.id(), "oidc", "sub-1");

        assertFalse(stores.identityLinks().link(bob.id(), "oidc", "sub-1"));
        assertFalse(stores.identityLinks().link(ann.id(), "oidc", "sub-2"));
        assertTrue(stores.identityLinks().link(ann.id(), "oidc", "sub-1"), "linking again is fine");
        assertTrue(stores.identityLinks().link(ann.id(), "github", "99"));
        assertEquals(Optional.of(ann.id()), stores.identityLinks().findUser("oidc", "sub-1"));
    }

    @Test
    void linksGoWithTheAccountAndUnknownAccountsCannotBeLinked() {
        User ann = stored("ann@example.org");
        stores.identityLinks().link(ann.id(), "oidc", "sub-1");

        stores.users().delete(ann.id());

        assertEquals(Optional.empty(), stores.identityLinks().findUser("oidc", "sub-1"));
        assertFalse(stores.identityLinks().link(UserId.random(), "oidc", "sub-3"));
    }
}
