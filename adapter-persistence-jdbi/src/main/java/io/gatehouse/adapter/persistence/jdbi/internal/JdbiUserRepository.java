package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserProfile;
import io.gatehouse.domain.user.UserSearch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.instant;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.known;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.millis;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.optionalInstant;

/**
 * Accounts in {@code users}, credentials in {@code credentials}. Inserts queue on the {@code users.insert} write lock,
 * which makes "is there any account yet?" and the insert one atomic step; the unique index on the (lower-case) e-mail
 * turns a taken address into an outcome, whichever write reaches it first.
 */
final class JdbiUserRepository implements UserRepository {

    private static final String INSERT_LOCK = "users.insert";
    /** The account's columns, selected first by every query that reads an account ({@link #user}). */
    static final String USER_COLUMNS = "u.id, u.email, u.name, u.role, u.profile_image_url, u.bio, u.gender, "
            + "u.date_of_birth, u.timezone, u.token_version, u.created_at, u.updated_at, u.last_active_at, u.revision";
    static final int USER_COLUMN_COUNT = USER_COLUMNS.split(",").length;
    private static final String INSERT_USER = "INSERT INTO users (id, email, name, role, profile_image_url, bio, "
            + "gender, date_of_birth, timezone, token_version, created_at, updated_at, last_active_at, revision) VALUES "
            + "(:id, :email, :name, :role, :profileImageUrl, :bio, :gender, :dateOfBirth, :timezone, :tokenVersion, "
            + ":createdAt, :updatedAt, :lastActiveAt, 0)";
    /** Writes only over the revision the account was read at; last activity has its own write. */
    private static final String UPDATE_USER = "UPDATE users SET email = :email, name = :name, role = :role, "
            + "profile_image_url = :profileImageUrl, bio = :bio, gender = :gender, date_of_birth = :dateOfBirth, "
            + "timezone = :timezone, token_version = :tokenVersion, updated_at = :updatedAt, "
            + "revision = revision + 1 WHERE id = :id AND revision = :revision";
    /** Escapes LIKE wildcards in search text; not a backslash, whose meaning in literals varies between databases. */
    private static final char ESCAPE = '!';

    private final Database database;

    JdbiUserRepository(Database database) {
        this.database = database;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return database.row("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", id.value(),
                JdbiUserRepository::user);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email.value())
                .map((row, context) -> user(row))
                .findOne());
    }

    @Override
    public Optional<UserAccount> findAccountByEmail(EmailAddress email) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + USER_COLUMNS + ", c.password_hash FROM users u "
                        + "JOIN credentials c ON c.user_id = u.id WHERE u.email = :email")
                .bind("email", email.value())
                .map((row, context) -> new UserAccount(user(row), credential(row)))
                .findOne());
    }

    @Override
    public Optional<Credential> findCredential(UserId id) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT password_hash FROM credentials WHERE user_id = :id")
                .bind("id", id.value())
                .map((row, context) -> credential(row))
                .findOne());
    }

    @Override
    public InsertOutcome insert(User candidate, Credential credential, FirstUserPolicy policy) {
        return database.<InsertOutcome>inTransactionIfUnique(handle -> {
            Database.lock(handle, INSERT_LOCK);
            boolean first = !handle.createQuery("SELECT EXISTS (SELECT 1 FROM users)").mapTo(Boolean.class).one();
            if (policy == FirstUserPolicy.ONLY_AS_FIRST && !first) {
                return new InsertOutcome.NotFirst();
            }
            User stored = first && policy != FirstUserPolicy.KEEP_ROLE
                    ? candidate.withRole(Role.ADMIN, candidate.updatedAt()) : candidate;
            bindUser(handle.createUpdate(INSERT_USER), stored).execute();
            bindCredential(handle.createUpdate(
                    "INSERT INTO credentials (user_id, password_hash) VALUES (:id, :hash)"), stored.id(), credential)
                    .execute();
            return new InsertOutcome.Inserted(atRevisionZero(stored), first);
        }).orElseGet(InsertOutcome.EmailTaken::new);
    }

    /** The account as just inserted: a candidate read back at the revision every new row starts with. */
    private static User atRevisionZero(User user) {
        return User.reconstitute(user.id(), user.email(), user.name(), user.role(), user.profile(), user.timezone(),
                user.tokenVersion(), user.createdAt(), user.updatedAt(), user.lastActiveAt(), 0);
    }

    @Override
    public SaveOutcome save(User user) {
        return database.inTransactionIfUnique(handle -> updated(handle, user))
                .orElse(SaveOutcome.EMAIL_TAKEN);
    }

    @Override
    public SaveOutcome save(User user, Credential credential) {
        return database.inTransactionIfUnique(handle -> {
            SaveOutcome outcome = updated(handle, user);
            if (outcome == SaveOutcome.SAVED) {
                bindCredential(handle.createUpdate(
                        "UPDATE credentials SET password_hash = :hash WHERE user_id = :id"), user.id(), credential)
                        .execute();
            }
            return outcome;
        }).orElse(SaveOutcome.EMAIL_TAKEN);
    }

    private static SaveOutcome updated(Handle handle, User user) {
        if (bindUser(handle.createUpdate(UPDATE_USER), user).bind("revision", user.revision()).execute() == 1) {
            return SaveOutcome.SAVED;
        }
        boolean exists = handle.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .bind("id", user.id().value()).mapTo(Boolean.class).one();
        return exists ? SaveOutcome.CONFLICT : SaveOutcome.NOT_FOUND;
    }

    @Override
    public void recordActivity(UserId id, Instant at) {
        database.withHandle(handle -> handle
                .createUpdate("UPDATE users SET last_active_at = :at WHERE id = :id")
                .bind("at", millis(at))
                .bind("id", id.value())
                .execute());
    }

    /** Credentials, memberships and the API key go with the account (ON DELETE CASCADE). */
    @Override
    public boolean delete(UserId id) {
        return database.withHandle(handle -> handle
                .createUpdate("DELETE FROM users WHERE id = :id")
                .bind("id", id.value())
                .execute()) > 0;
    }

    @Override
    public long count() {
        // at start: plain JDBC
        return database.query("SELECT COUNT(*) FROM users", found -> {
            found.next();
            return found.getLong(1);
        });
    }

    @Override
    public Optional<User> findEarliest() {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM users u ORDER BY u.created_at, u.id "
                        + "FETCH FIRST 1 ROWS ONLY")
                .map((row, context) -> user(row))
                .findOne());
    }

    @Override
    public UserPage find(UserSearch search) {
        Optional<String> pattern = search.text().map(JdbiUserRepository::containing);
        String filter = pattern.isPresent()
                ? " WHERE LOWER(u.name) LIKE :pattern ESCAPE '" + ESCAPE + "' OR u.email LIKE :pattern ESCAPE '"
                        + ESCAPE + "'"
                : "";
        String direction = search.ascending() ? " ASC" : " DESC";
        return database.withHandle(handle -> {
            Query count = handle.createQuery("SELECT COUNT(*) FROM users u" + filter);
            Query page = handle.createQuery("SELECT " + USER_COLUMNS + " FROM users u" + filter
                            + " ORDER BY " + orderColumn(search.order()) + direction + ", u.id" + direction
                            + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                    .bind("offset", (long) (search.page() - 1) * search.pageSize())
                    .bind("limit", search.pageSize());
            pattern.ifPresent(text -> {
                count.bind("pattern", text);
                page.bind("pattern", text);
            });
            return new UserPage(page.map((row, context) -> user(row)).list(), count.mapTo(Long.class).one());
        });
    }

    /** A LIKE pattern matching any text that contains {@code text}, case-insensitively against lower-case columns. */
    private static String containing(String text) {
        String escape = String.valueOf(ESCAPE);
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace(escape, escape + escape)
                .replace("%", escape + "%")
                .replace("_", escape + "_");
        return "%" + escaped + "%";
    }

    /** Open WebUI's sort keys; accounts never seen active sort as if last active at the epoch. */
    private static String orderColumn(UserSearch.Order order) {
        return switch (order) {
            case NAME -> "LOWER(u.name)";
            case EMAIL -> "u.email";
            case ROLE -> "u.role";
            case CREATED_AT -> "u.created_at";
            case UPDATED_AT -> "u.updated_at";
            case LAST_ACTIVE_AT -> "COALESCE(u.last_active_at, 0)";
        };
    }

    private static <S extends SqlStatement<S>> S bindUser(S statement, User user) {
        UserProfile profile = user.profile();
        return statement
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("name", user.name())
                .bind("role", user.role().wireName())
                .bind("profileImageUrl", profile.profileImageUrl())
                .bind("bio", profile.bio().orElse(null))
                .bind("gender", profile.gender().orElse(null))
                .bindByType("dateOfBirth", profile.dateOfBirth().orElse(null), LocalDate.class)
                .bind("timezone", user.timezone().orElse(null))
                .bind("tokenVersion", user.tokenVersion())
                .bind("createdAt", millis(user.createdAt()))
                .bind("updatedAt", millis(user.updatedAt()))
                .bind("lastActiveAt", millis(user.lastActiveAt()));
    }

    /** A NULL hash stands for {@link Credential#none()}. */
    private static <S extends SqlStatement<S>> S bindCredential(S statement, UserId id, Credential credential) {
        return statement
                .bind("id", id.value())
                .bind("hash", credential.passwordHash().map(PasswordHash::encoded).orElse(null));
    }

    private static Credential credential(ResultSet row) throws SQLException {
        String hash = row.getString("password_hash");
        return hash == null ? Credential.none() : Credential.password(new PasswordHash(hash));
    }

    /**
     * The account in the first {@link #USER_COLUMN_COUNT} columns of a row, which every query selects first as
     * {@link #USER_COLUMNS}. Read by position: by name, the JDBC drivers build a map of the labels for every result.
     */
    static User user(ResultSet row) throws SQLException {
        UserProfile profile = new UserProfile(row.getString(5), Optional.ofNullable(row.getString(6)),
                Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getObject(8, LocalDate.class)));
        return User.reconstitute(new UserId(row.getString(1)), new EmailAddress(row.getString(2)), row.getString(3),
                known(Role.fromWireName(row.getString(4)), "role"), profile, Optional.ofNullable(row.getString(9)),
                row.getInt(10), instant(row, 11), instant(row, 12), optionalInstant(row, 13), row.getLong(14));
    }
}
