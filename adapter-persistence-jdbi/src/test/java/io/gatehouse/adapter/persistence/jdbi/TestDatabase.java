package io.gatehouse.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.application.contract.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.application.fake.TestUsers.T0;

/**
 * The databases the adapter supports, each started once per test run and emptied before each test that asks for
 * it, which keeps the module's tests fast. Tests run one after another, so emptying never races another test.
 */
public enum TestDatabase {

    H2 {
        @Override
        public DatabaseSettings settings() {
            // Lives as long as the JVM; H2 would give up on the first-account lock after one second by default.
            return new DatabaseSettings("jdbc:h2:mem:gatehouse-tests;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    Optional.empty(), Optional.empty(), POOL_SIZE, CONNECTION_TIMEOUT);
        }
    },

    POSTGRES {
        @Override
        public DatabaseSettings settings() {
            return new DatabaseSettings("jdbc:postgresql://localhost:" + EmbeddedServer.POSTGRES.getPort() + "/postgres",
                    Optional.of("postgres"), Optional.empty(), POOL_SIZE, CONNECTION_TIMEOUT);
        }
    };

    private static final int POOL_SIZE = 10;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** Children first, so that emptying needs no cascade. */
    private static final List<String> TABLES = List.of("idp_sessions", "identity_links", "group_memberships", "api_keys", "credentials", "groups",
            "users", "revoked_tokens", "settings");

    /**
     * Opened once and never closed: its pool's threads are daemons and the database ends with the JVM. Its clock
     * stands still, so that no revocation a contract test makes is ever purged.
     */
    private JdbiPersistence shared;

    public abstract DatabaseSettings settings();

    /** The repositories of this database's shared persistence, every table emptied. */
    synchronized Stores emptyStores() {
        if (shared == null) {
            shared = JdbiPersistence.open(settings(), Clock.fixed(T0, ZoneOffset.UTC));
        }
        empty();
        return new Stores(shared.users(), shared.groups(), shared.apiKeys(), shared.tokenRevocations(),
                shared.settings(), shared.identityLinks(), shared.idpSessions(), shared.callers());
    }

    /** A persistence of its own over this database, every table emptied; the caller closes it. */
    public JdbiPersistence openEmpty(Clock clock) {
        JdbiPersistence persistence = JdbiPersistence.open(settings(), clock);
        empty();
        return persistence;
    }

    /** A small pool of its own over this database, for code under test that takes a data source; the caller closes it. */
    public HikariDataSource pool() {
        DatabaseSettings settings = settings();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** A plain JDBC connection, bypassing the adapter, to look at or tamper with what it stored. */
    Connection connect() throws SQLException {
        DatabaseSettings settings = settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElse(""),
                settings.password().orElse(""));
    }

    private void empty() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the " + this + " test database", e);
        }
    }

    /** One PostgreSQL server for the whole run, started on first use and stopped when the JVM exits. */
    private static final class EmbeddedServer {

        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
