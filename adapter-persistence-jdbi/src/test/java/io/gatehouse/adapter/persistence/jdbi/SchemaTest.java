package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.application.contract.Stores;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the schema itself guarantees, checked with plain SQL that bypasses the repositories. */
class SchemaTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMigrationCreatesEveryTableAndRecordsItself(TestDatabase database) throws SQLException {
        database.emptyStores();

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // Flyway quotes the names of its history table and columns.
            ResultSet history = statement.executeQuery(
                    "SELECT \"success\" FROM \"gatehouse_schema_history\" WHERE \"version\" = '1'");
            assertTrue(history.next());
            assertTrue(history.getBoolean(1));
            for (String table : List.of("users", "credentials", "groups", "group_memberships", "api_keys",
                    "revoked_tokens", "settings")) {
                assertEquals(0, count(statement, "SELECT COUNT(*) FROM " + table), table);
            }
            assertEquals(2, count(statement, "SELECT COUNT(*) FROM write_locks"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDatabaseRefusesASecondE_mailDifferingOnlyByCase(TestDatabase database) throws SQLException {
        database.emptyStores();

        try (Connection connection = database.connect()) {
            insertUser(connection, "u-1", "ann@example.org");

            SQLException refusal = assertThrows(SQLException.class,
                    () -> insertUser(connection, "u-2", "Ann@Example.org"));
            assertTrue(refusal.getSQLState().startsWith("23"), refusal.getSQLState());
            assertEquals("23505", assertThrows(SQLException.class,
                    () -> insertUser(connection, "u-3", "ann@example.org")).getSQLState());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDatabaseRefusesADuplicateGroupNameButNotAnotherCase(TestDatabase database) throws SQLException {
        database.emptyStores();

        try (Connection connection = database.connect()) {
            insertGroup(connection, "g-1", "devs");

            assertEquals("23505", assertThrows(SQLException.class,
                    () -> insertGroup(connection, "g-2", "devs")).getSQLState());
            insertGroup(connection, "g-3", "Devs");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAccountWithoutPasswordStoresNoHashAtAll(TestDatabase database) throws SQLException {
        Stores stores = database.emptyStores();
        User sso = user("sso@example.org");
        stores.users().insert(sso, Credential.none(), FirstUserPolicy.KEEP_ROLE);

        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT password_hash FROM credentials WHERE user_id = ?")) {
            select.setString(1, sso.id().value());
            ResultSet row = select.executeQuery();
            assertTrue(row.next());
            assertNull(row.getString(1));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void insertUser(Connection connection, String id, String email) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email, name, role, "
                + "profile_image_url, token_version, created_at, updated_at, revision) VALUES (?, ?, 'Ann', 'user', "
                + "'/user.png', 0, 0, 0, 0)")) {
            insert.setString(1, id);
            insert.setString(2, email);
            insert.executeUpdate();
        }
    }

    private static void insertGroup(Connection connection, String id, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO groups (id, name, description, "
                + "permissions, data, meta, creator_id, created_at, updated_at) VALUES (?, ?, '', '{}', '{}', '{}', "
                + "'admin', 0, 0)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
    }
}
