package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.Callers;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.token.TokenId;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caller of a request in one statement: the account joined with its groups (a row per membership, the account
 * repeated), with the token's revocation or the API key alongside. One statement is one round trip, which on a
 * database across the network is most of what an authenticated request costs.
 */
final class JdbiCallers implements Callers {

    private static final String GROUPS = " LEFT JOIN group_memberships m ON m.user_id = u.id"
            + " LEFT JOIN groups g ON g.id = m.group_id";
    private static final String GROUP_COLUMNS = ", g.id, g.permissions";
    private static final String BY_SESSION_TOKEN = "SELECT " + JdbiUserRepository.USER_COLUMNS
            + ", EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.token_id = ?)" + GROUP_COLUMNS
            + " FROM users u" + GROUPS + " WHERE u.id = ?";
    private static final String BY_API_KEY = "SELECT " + JdbiUserRepository.USER_COLUMNS + ", "
            + JdbiApiKeyRepository.QUALIFIED_KEY_COLUMNS + GROUP_COLUMNS
            + " FROM api_keys k JOIN users u ON u.id = k.user_id" + GROUPS + " WHERE k.digest = ?";

    private final Database database;

    JdbiCallers(Database database) {
        this.database = database;
    }

    @Override
    public Optional<SessionCaller> bySessionToken(UserId userId, TokenId tokenId) {
        return database.query(BY_SESSION_TOKEN, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            boolean revoked = rows.getBoolean(JdbiUserRepository.USER_COLUMN_COUNT + 1);
            return Optional.of(new SessionCaller(account(rows, JdbiUserRepository.USER_COLUMN_COUNT + 2), revoked));
        }, tokenId.value(), userId.value());
    }

    @Override
    public Optional<ApiKeyCaller> byApiKey(ApiKeyDigest digest) {
        return database.query(BY_API_KEY, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            ApiKey key = JdbiApiKeyRepository.apiKey(rows, JdbiUserRepository.USER_COLUMN_COUNT + 1);
            return Optional.of(new ApiKeyCaller(key, account(rows,
                    JdbiUserRepository.USER_COLUMN_COUNT + JdbiApiKeyRepository.KEY_COLUMN_COUNT + 1)));
        }, digest.hex());
    }

    /**
     * The account on the current row, and the group of this and every following row (each group once), whose id and
     * permissions are the columns from {@code groupColumns} on. Read by position, as {@link JdbiUserRepository#user}.
     */
    private static Account account(ResultSet rows, int groupColumns) throws SQLException {
        User user = JdbiUserRepository.user(rows);
        Map<String, PermissionTree> groups = new LinkedHashMap<>();
        do {
            String groupId = rows.getString(groupColumns);
            if (groupId != null && !groups.containsKey(groupId)) {
                groups.put(groupId, PermissionTree.of(Json.storedObject(rows.getString(groupColumns + 1))));
            }
        } while (rows.next());
        return new Account(user, new ArrayList<>(groups.values()));
    }
}
