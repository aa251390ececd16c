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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The callers of requests in one statement: each account joined with its groups (a row per membership, the account
 * repeated), with the token's revocation or the API key alongside. One statement is one round trip, which on a
 * database across the network or in another process is most of what an authenticated request costs; requests that
 * come while others are being read share the next statement ({@link CombinedReads}).
 */
final class JdbiCallers implements Callers {

    /**
     * Statements of the request path running at once, each for every caller that queued while the others ran. Two on
     * this project's two-core machines: more make smaller statements, and fewer stretch a reader's wait.
     */
    private static final int STATEMENTS_AT_ONCE = 2;
    /** Callers per statement at most; a statement's list of keys is padded to a power of two up to this. */
    static final int CALLERS_PER_STATEMENT = 32;
    /** Statements a thread runs in a row while callers are queued, before a waiting thread takes its place. */
    private static final int STATEMENTS_PER_TURN = 4;

    private static final String GROUPS = " LEFT JOIN group_memberships m ON m.user_id = u.id"
            + " LEFT JOIN groups g ON g.id = m.group_id";
    private static final String GROUP_COLUMNS = ", g.id, g.permissions";
    private static final int SESSION_GROUP_COLUMN = JdbiUserRepository.USER_COLUMN_COUNT + 2;
    private static final int KEY_GROUP_COLUMN = JdbiUserRepository.USER_COLUMN_COUNT + JdbiApiKeyRepository.KEY_COLUMN_COUNT + 1;
    /** Matches no account, token or key: the padding of a statement's list of keys. */
    private static final String NOTHING = "";
    private static final List<String> SESSION_STATEMENTS = statements(JdbiCallers::bySessionTokens);
    private static final List<String> API_KEY_STATEMENTS = statements(JdbiCallers::byApiKeys);

    private final Database database;
    private final CombinedReads<SessionKey, SessionCaller> sessions;
    private final CombinedReads<String, ApiKeyCaller> apiKeys;

    JdbiCallers(Database database) {
        this.database = database;
        this.sessions = new CombinedReads<>(this::sessions, STATEMENTS_AT_ONCE, CALLERS_PER_STATEMENT, STATEMENTS_PER_TURN);
        this.apiKeys = new CombinedReads<>(this::apiKeys, STATEMENTS_AT_ONCE, CALLERS_PER_STATEMENT, STATEMENTS_PER_TURN);
    }

    @Override
    public Optional<SessionCaller> bySessionToken(UserId userId, TokenId tokenId) {
        return sessions.read(new SessionKey(userId.value(), tokenId.value()));
    }

    @Override
    public Optional<ApiKeyCaller> byApiKey(ApiKeyDigest digest) {
        return apiKeys.read(digest.hex());
    }

    /** A session token's account and token id. */
    record SessionKey(String userId, String tokenId) {
    }

    /** The statement for {@code size} keys, {@code size} a power of two. */
    private static String bySessionTokens(int size) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            pairs.add("(CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)))");
        }
        return "SELECT " + JdbiUserRepository.USER_COLUMNS
                + ", EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.token_id = q.token_id)" + GROUP_COLUMNS + ", q.token_id"
                + " FROM (VALUES " + String.join(", ", pairs) + ") AS q (user_id, token_id)"
                + " JOIN users u ON u.id = q.user_id" + GROUPS + " ORDER BY u.id, q.token_id";
    }

    private static String byApiKeys(int size) {
        return "SELECT " + JdbiUserRepository.USER_COLUMNS + ", " + JdbiApiKeyRepository.QUALIFIED_KEY_COLUMNS + GROUP_COLUMNS
                + " FROM api_keys k JOIN users u ON u.id = k.user_id" + GROUPS
                + " WHERE k.digest IN (" + String.join(", ", Collections.nCopies(size, "?")) + ") ORDER BY k.digest";
    }

    /** The callers of distinct session tokens, in one statement; unknown accounts are left out. */
    Map<SessionKey, SessionCaller> sessions(List<SessionKey> keys) {
        int size = paddedSize(keys.size());
        String[] parameters = new String[size * 2];
        for (int i = 0; i < size; i++) {
            SessionKey key = i < keys.size() ? keys.get(i) : new SessionKey(NOTHING, NOTHING);
            parameters[2 * i] = key.userId();
            parameters[2 * i + 1] = key.tokenId();
        }
        int tokenColumn = SESSION_GROUP_COLUMN + 2;
        return database.query(statement(SESSION_STATEMENTS, size),
                rows -> callers(rows, row -> new SessionKey(row.getString(1), row.getString(tokenColumn)), row -> {
                    boolean revoked = row.getBoolean(JdbiUserRepository.USER_COLUMN_COUNT + 1);
                    User user = JdbiUserRepository.user(row);
                    return groups -> new SessionCaller(new Account(user, groups), revoked);
                }, SESSION_GROUP_COLUMN), parameters);
    }

    /** The callers of distinct API key digests, in one statement; unknown keys are left out. */
    Map<String, ApiKeyCaller> apiKeys(List<String> digests) {
        int size = paddedSize(digests.size());
        String[] parameters = new String[size];
        for (int i = 0; i < size; i++) {
            parameters[i] = i < digests.size() ? digests.get(i) : NOTHING;
        }
        return database.query(statement(API_KEY_STATEMENTS, size),
                rows -> callers(rows, row -> row.getString(JdbiUserRepository.USER_COLUMN_COUNT + 2), row -> {
                    ApiKey key = JdbiApiKeyRepository.apiKey(row, JdbiUserRepository.USER_COLUMN_COUNT + 1);
                    User user = JdbiUserRepository.user(row);
                    return groups -> new ApiKeyCaller(key, new Account(user, groups));
                }, KEY_GROUP_COLUMN), parameters);
    }

    /**
     * Each caller of a result ordered by caller: the caller's own columns from its first row, and the group of this
     * and every following row of the same caller (each group once), whose id and permissions are the columns from
     * {@code groupColumns} on. Read by position, as {@link JdbiUserRepository#user}.
     */
    private static <K, C> Map<K, C> callers(ResultSet rows, Column<K> keyOf, Column<Function<List<PermissionTree>, C>> caller,
                                           int groupColumns) throws SQLException {
        Map<K, C> found = new HashMap<>();
        boolean more = rows.next();
        while (more) {
            K key = keyOf.read(rows);
            Function<List<PermissionTree>, C> withGroups = caller.read(rows);
            Map<String, PermissionTree> groups = new LinkedHashMap<>();
            do {
                String groupId = rows.getString(groupColumns);
                if (groupId != null && !groups.containsKey(groupId)) {
                    groups.put(groupId, PermissionTree.of(Json.storedObject(rows.getString(groupColumns + 1))));
                }
                more = rows.next();
            } while (more && keyOf.read(rows).equals(key));
            found.put(key, withGroups.apply(new ArrayList<>(groups.values())));
        }
        return found;
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The smallest power of two that holds {@code keys}: a handful of statements, each prepared once per connection. */
    private static int paddedSize(int keys) {
        return keys <= 1 ? 1 : Integer.highestOneBit(keys - 1) << 1;
    }

    private static String statement(List<String> statements, int size) {
        if (size > CALLERS_PER_STATEMENT) {
            throw new IllegalArgumentException("at most " + CALLERS_PER_STATEMENT + " callers per statement");
        }
        return statements.get(Integer.numberOfTrailingZeros(size));
    }

    /** The statements for 1, 2, 4 ... {@link #CALLERS_PER_STATEMENT} keys, by the power of two. */
    private static List<String> statements(IntFunction<String> forSize) {
        List<String> statements = new ArrayList<>();
        for (int size = 1; size <= CALLERS_PER_STATEMENT; size <<= 1) {
            statements.add(forSize.apply(size));
        }
        return List.copyOf(statements);
    }
}
