package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.millis;

/**
 * Revoked token ids in {@code revoked_tokens}, each with its token's expiry (NULL: never). A row is useless once its
 * token has expired, so {@link #revoke} deletes such rows on the side, at most once per {@link #PURGE_INTERVAL}.
 */
final class JdbiTokenRevocations implements TokenRevocations {

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Database database;
    private final Clock clock;
    /** In memory only: after a restart the first revocation purges, which costs one DELETE. */
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    JdbiTokenRevocations(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void revoke(TokenClaims claims) {
        purgeIfDue();
        // A second revocation of the same token meets the primary key, and the token is revoked either way.
        database.inTransactionIfUnique(handle -> handle
                .createUpdate("INSERT INTO revoked_tokens (token_id, expires_at) VALUES (:tokenId, :expiresAt)")
                .bind("tokenId", claims.tokenId().value())
                .bind("expiresAt", millis(claims.expiresAt()))
                .execute());
    }

    @Override
    public boolean isRevoked(TokenId tokenId) {
        return database.row("SELECT token_id FROM revoked_tokens WHERE token_id = ?", tokenId.value(),
                row -> row.getString(1)).isPresent();
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        // Only the thread that moves the schedule on purges, so concurrent revocations do not all delete.
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            database.withHandle(handle -> handle
                    .createUpdate("DELETE FROM revoked_tokens WHERE expires_at < :now")
                    .bind("now", millis(now))
                    .execute());
        }
    }
}
