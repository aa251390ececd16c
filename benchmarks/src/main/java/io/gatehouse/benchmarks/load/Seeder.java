package io.gatehouse.benchmarks.load;

import io.gatehouse.domain.user.UserProfile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Accounts written straight into the schema the server made (Flyway's V1), by one {@code INSERT ... SELECT} over a
 * number series per table, so that a million accounts take seconds rather than a million bcrypt hashes. Every account
 * gets the same hash (made once, at the configured cost); ids have the shape of UUIDs, as Gatehouse's own.
 */
final class Seeder {

    static final String PASSWORD = "correct horse battery staple";
    static final String ADMIN_EMAIL = "admin@bench.example";

    private Seeder() {
    }

    static String email(long account) {
        return "user" + account + "@bench.example";
    }

    /** The admin (first account, as sign-up would have made it) and the users numbered 1 to {@code count}. */
    static void seed(Connection connection, boolean postgres, long count, String passwordHash) throws SQLException {
        long now = Instant.now().toEpochMilli();
        try (PreparedStatement admin = connection.prepareStatement("INSERT INTO users (id, email, name, role, "
                + "profile_image_url, token_version, created_at, updated_at, revision) VALUES (?, ?, 'Admin', 'admin', ?, 0, ?, ?, 0)")) {
            admin.setString(1, "00000000-0000-4000-8000-000000000000");
            admin.setString(2, ADMIN_EMAIL);
            admin.setString(3, UserProfile.DEFAULT_IMAGE);
            admin.setLong(4, now - 86_400_000L);
            admin.setLong(5, now - 86_400_000L);
            admin.executeUpdate();
        }
        try (PreparedStatement credential = connection.prepareStatement(
                "INSERT INTO credentials (user_id, password_hash) VALUES ('00000000-0000-4000-8000-000000000000', ?)")) {
            credential.setString(1, passwordHash);
            credential.executeUpdate();
        }
        addUsers(connection, postgres, 1, count, passwordHash);
    }

    /** Users numbered {@code from} to {@code to}, both included. */
    static void addUsers(Connection connection, boolean postgres, long from, long to, String passwordHash) throws SQLException {
        long now = Instant.now().toEpochMilli();
        String series = postgres ? "(SELECT n FROM generate_series(" + from + ", " + to + ") AS n) AS g"
                : "(SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")) AS g";
        String id = "'00000000-0000-4000-8000-' || LPAD(CAST(n AS VARCHAR), 12, '0')";
        try (PreparedStatement users = connection.prepareStatement("INSERT INTO users (id, email, name, role, "
                + "profile_image_url, token_version, created_at, updated_at, revision) SELECT " + id
                + ", 'user' || CAST(n AS VARCHAR) || '@bench.example', 'User ' || CAST(n AS VARCHAR), 'user', ?, 0, ?, ?, 0 FROM "
                + series)) {
            users.setString(1, UserProfile.DEFAULT_IMAGE);
            users.setLong(2, now);
            users.setLong(3, now);
            users.executeUpdate();
        }
        try (PreparedStatement credentials = connection.prepareStatement(
                "INSERT INTO credentials (user_id, password_hash) SELECT " + id + ", ? FROM " + series)) {
            credentials.setString(1, passwordHash);
            credentials.executeUpdate();
        }
        if (postgres) {
            // A database at rest, as a long-running one is: statistics, visibility and hint bits set once (not by the
            // first reads of the measurement), and the bulk insert's WAL written out (not by a checkpoint meanwhile).
            try (Statement settle = connection.createStatement()) {
                settle.execute("VACUUM (ANALYZE) users");
                settle.execute("VACUUM (ANALYZE) credentials");
                settle.execute("CHECKPOINT");
            }
        }
    }
}
