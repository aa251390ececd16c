package io.gatehouse.domain.user;

import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final User user = User.register(UserId.random(), EmailAddress.of("ann@example.org"), "Ann", Role.USER,
            UserProfile.withImage(UserProfile.DEFAULT_IMAGE), T0);

    @Test
    void aRoleChangeRevokesEveryTokenIssuedBefore() {
        User promoted = user.withRole(Role.ADMIN, T1);

        assertEquals(Role.ADMIN, promoted.role());
        assertEquals(user.tokenVersion() + 1, promoted.tokenVersion());
        assertEquals(T1, promoted.updatedAt());
    }

    @Test
    void keepingTheSameRoleKeepsTheTokens() {
        assertSame(user, user.withRole(Role.USER, T1));
    }

    @Test
    void signingOutEverywhereMovesTheTokenVersion() {
        assertEquals(1, user.withTokensRevoked(T1).tokenVersion());
    }

    @Test
    void profileChangesKeepTheTokens() {
        User renamed = user.withName("Ann B", T1).withEmail(EmailAddress.of("annb@example.org"), T1);
        assertEquals(0, renamed.tokenVersion());
        assertEquals("Ann B", renamed.name());
    }

    @Test
    void namesAreNeitherBlankNorOverlong() {
        assertThrows(IllegalArgumentException.class, () -> user.withName("  ", T1));
        assertThrows(IllegalArgumentException.class, () -> user.withName("x".repeat(256), T1));
    }
}
