package io.gatehouse.adapter.persistence.jdbi.internal;

import org.h2.tools.RunScript;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Creates the schema of a new embedded H2 database without Flyway: H2's own script runner (that of {@code RUNSCRIPT})
 * runs each migration, and the history table and its rows are written exactly as Flyway writes them on H2, so that
 * Flyway later validates the database and applies the next migration as if it had made it. Flyway's set-up alone
 * (some 400 classes) was a third of the quick start's first start. Tests hold the two to each other: same schema,
 * same history, and Flyway validates it.
 *
 * <p>Only for a database no other process can open (an H2 file or in-memory database, not a server nor
 * {@code AUTO_SERVER}): Flyway's lock is not taken. Openings in this process take turns. As with Flyway on H2, whose
 * DDL commits as it goes, a process killed in the middle leaves a half-made schema that the next start refuses.
 */
public final class FreshSchema {

    /** Flyway's own history table on H2, with the marker row its creation writes. */
    private static final String HISTORY = """
            CREATE TABLE %1$s (
                "installed_rank" INT NOT NULL,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INT,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "execution_time" INT NOT NULL,
                "success" BOOLEAN NOT NULL,
                CONSTRAINT "%3$s_pk" PRIMARY KEY ("installed_rank")
            ) AS SELECT -1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, ?, CURRENT_TIMESTAMP,
                0, TRUE""";
    private static final String HISTORY_INDEX = "CREATE INDEX \"%2$s\".\"%3$s_s_idx\" ON %1$s (\"success\")";
    private static final String APPLIED = "INSERT INTO %1$s (\"installed_rank\", \"version\", \"description\", \"type\", "
            + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
            + "VALUES (?, ?, ?, 'SQL', ?, ?, ?, ?, TRUE)";
    private static final Object ONE_AT_A_TIME = new Object();

    private FreshSchema() {
    }

    /** Whether the JDBC URL names an H2 database that only this process opens. */
    public static boolean suits(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.replace(" ", "").contains("auto_server=true");
    }

    /**
     * Creates the schema and its history when the current schema holds no table at all, and says whether it did;
     * a database holding anything, ours or an embedding application's, is left to Flyway.
     */
    public static boolean createIfEmpty(DataSource database, String historyTable) throws SQLException, IOException {
        synchronized (ONE_AT_A_TIME) {
            try (Connection connection = database.getConnection()) {
                if (holdsTables(connection)) {
                    return false;
                }
                String schema = connection.getSchema();
                String table = '"' + schema + "\".\"" + historyTable + '"';
                String installedBy = connection.getMetaData().getUserName();
                try (PreparedStatement history = connection.prepareStatement(
                        String.format(HISTORY, table, schema, historyTable))) {
                    history.setString(1, installedBy);
                    history.execute();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(String.format(HISTORY_INDEX, table, schema, historyTable));
                }
                int rank = 1;
                for (String file : Migrations.FILES) {
                    String script;
                    try (InputStream content = Migrations.open(file)) {
                        script = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    long started = System.nanoTime();
                    RunScript.execute(connection, new StringReader(script));
                    int milliseconds = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    record(connection, table, rank++, file, checksum(script), installedBy, milliseconds);
                }
                return true;
            }
        }
    }

    private static boolean holdsTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), null, null)) {
            return tables.next();
        }
    }

    private static void record(Connection connection, String table, int rank, String file, int checksum,
                               String installedBy, int milliseconds) throws SQLException {
        try (PreparedStatement applied = connection.prepareStatement(String.format(APPLIED, table))) {
            applied.setInt(1, rank);
            applied.setString(2, Migrations.version(file));
            applied.setString(3, Migrations.description(file));
            applied.setString(4, file);
            applied.setInt(5, checksum);
            applied.setString(6, installedBy);
            applied.setInt(7, milliseconds);
            applied.executeUpdate();
        }
    }

    /** Flyway's checksum of a script: CRC-32 over its lines, without line ends, in UTF-8. */
    private static int checksum(String script) {
        CRC32 crc = new CRC32();
        script.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }
}
