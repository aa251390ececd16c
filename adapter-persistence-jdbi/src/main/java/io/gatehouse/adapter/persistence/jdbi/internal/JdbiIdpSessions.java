package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.domain.user.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions at identity providers in {@code idp_sessions}; the tokens arrive sealed and are stored as they are. */
final class JdbiIdpSessions implements IdpSessionRepository {

    private static final String COLUMNS =
            "id, user_id, provider, provider_sid, sealed_tokens, expires_at, created_at, updated_at";

    private final Database database;

    JdbiIdpSessions(Database database) {
        this.database = database;
    }

    @Override
    public void insert(IdpSession session) {
        database.withHandle(handle -> handle.createUpdate("INSERT INTO idp_sessions (" + COLUMNS + ") VALUES "
                        + "(:id, :user, :provider, :sid, :sealed, :expires, :created, :updated)")
                .bind("id", session.id())
                .bind("user", session.user().value())
                .bind("provider", session.provider())
                .bind("sid", session.providerSessionId().orElse(null))
                .bind("sealed", session.sealedTokens())
                .bind("expires", Columns.millis(session.expiresAt()))
                .bind("created", Columns.millis(session.createdAt()))
                .bind("updated", Columns.millis(session.updatedAt()))
                .execute());
    }

    @Override
    public Optional<IdpSession> findById(String id) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM idp_sessions WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> session(row))
                .findOne());
    }

    @Override
    public List<IdpSession> findByUser(UserId user, String provider) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM idp_sessions "
                        + "WHERE user_id = :user AND provider = :provider ORDER BY created_at DESC, id")
                .bind("user", user.value())
                .bind("provider", provider)
                .map((row, context) -> session(row))
                .list());
    }

    @Override
    public List<IdpSession> findByProviderSession(String provider, String providerSessionId) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM idp_sessions "
                        + "WHERE provider = :provider AND provider_sid = :sid")
                .bind("provider", provider)
                .bind("sid", providerSessionId)
                .map((row, context) -> session(row))
                .list());
    }

    @Override
    public boolean updateTokens(String id, String sealedTokens, Optional<Instant> expiresAt, Instant now) {
        return database.withHandle(handle -> handle.createUpdate("UPDATE idp_sessions SET sealed_tokens = :sealed, "
                        + "expires_at = :expires, updated_at = :now WHERE id = :id")
                .bind("sealed", sealedTokens)
                .bind("expires", Columns.millis(expiresAt))
                .bind("now", Columns.millis(now))
                .bind("id", id)
                .execute()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return database.withHandle(handle -> handle.createUpdate("DELETE FROM idp_sessions WHERE id = :id")
                .bind("id", id).execute()) == 1;
    }

    @Override
    public int deleteByUser(UserId user, String provider) {
        return database.withHandle(handle -> handle
                .createUpdate("DELETE FROM idp_sessions WHERE user_id = :user AND provider = :provider")
                .bind("user", user.value()).bind("provider", provider).execute());
    }

    @Override
    public int deleteAllOf(UserId user) {
        return database.withHandle(handle -> handle.createUpdate("DELETE FROM idp_sessions WHERE user_id = :user")
                .bind("user", user.value()).execute());
    }

    private static IdpSession session(ResultSet row) throws SQLException {
        return new IdpSession(row.getString("id"), new UserId(row.getString("user_id")), row.getString("provider"),
                Optional.ofNullable(row.getString("provider_sid")), row.getString("sealed_tokens"),
                Columns.optionalInstant(row, "expires_at"), Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
