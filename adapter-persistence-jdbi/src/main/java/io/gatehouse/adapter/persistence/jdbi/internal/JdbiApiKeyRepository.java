package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.user.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.instant;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.millis;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.optionalInstant;

/** API keys in {@code api_keys}: the user's id is the primary key, the digest has a unique index of its own. */
final class JdbiApiKeyRepository implements ApiKeyRepository {

    private static final List<String> COLUMNS = List.of("user_id", "digest", "hint", "created_at", "expires_at",
            "last_used_at");
    private static final String KEY_COLUMNS = String.join(", ", COLUMNS);
    /** The columns of {@code api_keys k}, for queries that join another table. */
    static final String QUALIFIED_KEY_COLUMNS = COLUMNS.stream().map(column -> "k." + column)
            .collect(Collectors.joining(", "));
    static final int KEY_COLUMN_COUNT = COLUMNS.size();

    private final Database database;

    JdbiApiKeyRepository(Database database) {
        this.database = database;
    }

    /**
     * Deletes the old key and inserts the new one while holding the user's row, so that two replacements for one
     * user run one after the other instead of colliding on the primary key.
     */
    @Override
    public void replace(ApiKey key) {
        database.inTransaction(handle -> {
            handle.createQuery("SELECT id FROM users WHERE id = :userId FOR UPDATE")
                    .bind("userId", key.userId().value())
                    .mapTo(String.class)
                    .findOne();
            handle.createUpdate("DELETE FROM api_keys WHERE user_id = :userId")
                    .bind("userId", key.userId().value())
                    .execute();
            return handle.createUpdate("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (:userId, :digest, :hint, "
                            + ":createdAt, :expiresAt, :lastUsedAt)")
                    .bind("userId", key.userId().value())
                    .bind("digest", key.digest().hex())
                    .bind("hint", key.hint())
                    .bind("createdAt", millis(key.createdAt()))
                    .bind("expiresAt", millis(key.expiresAt()))
                    .bind("lastUsedAt", millis(key.lastUsedAt()))
                    .execute();
        });
    }

    @Override
    public Optional<ApiKey> findByDigest(ApiKeyDigest digest) {
        return database.row("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE digest = ?", digest.hex(),
                JdbiApiKeyRepository::apiKey);
    }

    @Override
    public Optional<ApiKey> findByUser(UserId userId) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE user_id = :userId")
                .bind("userId", userId.value())
                .map((row, context) -> apiKey(row))
                .findOne());
    }

    @Override
    public boolean deleteByUser(UserId userId) {
        return database.withHandle(handle -> handle
                .createUpdate("DELETE FROM api_keys WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute()) > 0;
    }

    @Override
    public void recordUse(UserId userId, Instant at) {
        database.withHandle(handle -> handle
                .createUpdate("UPDATE api_keys SET last_used_at = :at WHERE user_id = :userId")
                .bind("at", millis(at))
                .bind("userId", userId.value())
                .execute());
    }

    private static ApiKey apiKey(ResultSet row) throws SQLException {
        return apiKey(row, 1);
    }

    /** The key in the {@link #COLUMNS} of a row from the {@code first} on, read by position as {@code user}. */
    static ApiKey apiKey(ResultSet row, int first) throws SQLException {
        return new ApiKey(new UserId(row.getString(first)), new ApiKeyDigest(row.getString(first + 1)),
                row.getString(first + 2), instant(row, first + 3), optionalInstant(row, first + 4),
                optionalInstant(row, first + 5));
    }
}
