package io.gatehouse.it.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL for the whole test run (started on first use, stopped with the JVM), one database per test. */
final class Postgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away either way
                    }
                }));
            } catch (IOException cannotStart) {
                throw new UncheckedIOException(cannotStart);
            }
        }
        return server;
    }

    /** A new, empty database, as Open WebUI's {@code DATABASE_URL} names it. */
    static String freshDatabaseUrl() {
        String name = "gatehouse_e2e_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return "postgresql://postgres:postgres@localhost:" + server().getPort() + "/" + name;
    }

    /** A JDBC connection to a database made by {@link #freshDatabaseUrl()}, for looking behind the API. */
    static Connection connect(String databaseUrl) throws SQLException {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        return server().getDatabase("postgres", name).getConnection();
    }
}
