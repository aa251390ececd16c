package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.IdpSessionRepository.IdpSession;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link io.gatehouse.application.port.out.IdpSessionRepository} must do. */
public abstract class IdpSessionRepositoryContract extends StoresContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private User stored(String email) {
        User user = user(email);
        stores.users().insert(user, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        return user;
    }

    private IdpSession session(String id, User user, String provider, Optional<String> sid, int minutes) {
        IdpSession session = new IdpSession(id, user.id(), provider, sid, "sealed-" + id,
                Optional.of(T0.plusSeconds(3600)), T0.plusSeconds(60L * minutes), T0.plusSeconds(60L * minutes));
        stores.idpSessions().insert(session);
        return session;
    }

    private static List<String> ids(List<IdpSession> sessions) {
        return sessions.stream().map(IdpSession::id).collect(Collectors.toList());
    }

    @Test
    void sessionsAreReadBackByIdByUserNewestFirstAndByProviderSession() {
        User ann = stored("ann@example.org");
        IdpSession first = session("s1", ann, "oidc", Optional.of("sid-1"), 0);
        session("s2", ann, "oidc", Optional.empty(), 5);
        session("s3", ann, "google", Optional.of("sid-1"), 9);

        assertEquals(Optional.of(first), stores.idpSessions().findById("s1"));
        assertEquals(List.of("s2", "s1"), ids(stores.idpSessions().findByUser(ann.id(), "oidc")));
        assertEquals(List.of("s1"), ids(stores.idpSessions().findByProviderSession("oidc", "sid-1")));
        assertEquals(Optional.empty(), stores.idpSessions().findById("nope"));
    }

    @Test
    void tokensAreReplacedAfterARefresh() {
        User ann = stored("ann@example.org");
        session("s1", ann, "oidc", Optional.empty(), 0);
        Instant later = T0.plusSeconds(7200);

        assertTrue(stores.idpSessions().updateTokens("s1", "sealed-again", Optional.of(later.plusSeconds(3600)), later));
        assertFalse(stores.idpSessions().updateTokens("gone", "x", Optional.empty(), later));

        IdpSession refreshed = stores.idpSessions().findById("s1").orElseThrow();
        assertEquals("sealed-again", refreshed.sealedTokens());
        assertEquals(Optional.of(later.plusSeconds(3600)), refreshed.expiresAt());
        assertEquals(later, refreshed.updatedAt());
        assertEquals(T0, refreshed.createdAt());
    }

    @Test
    void sessionsAreDeletedOneByProviderOrAllAndGoWithTheAccount() {
        User ann = stored("ann@example.org");
        User bob = stored("bob@example.org");
        session("a1", ann, "oidc", Optional.empty(), 0);
        session("a2", ann, "oidc", Optional.empty(), 1);
        session("a3", ann, "google", Optional.empty(), 2);
        session("b1", bob, "oidc", Optional.empty(), 3);

        assertTrue(stores.idpSessions().delete("a1"));
        assertFalse(stores.idpSessions().delete("a1"));
        assertEquals(1, stores.idpSessions().deleteByUser(ann.id(), "oidc"));
        assertEquals(1, stores.idpSessions().deleteAllOf(ann.id()));
        stores.users().delete(bob.id());

        assertEquals(List.of(), stores.idpSessions().findByUser(ann.id(), "google"));
        assertEquals(Optional.empty(), stores.idpSessions().findById("b1"));
    }
}
