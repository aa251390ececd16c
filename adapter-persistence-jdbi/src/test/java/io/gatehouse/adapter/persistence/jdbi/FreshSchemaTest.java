package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.adapter.persistence.jdbi.internal.FreshSchema;
import io.gatehouse.adapter.persistence.jdbi.internal.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new embedded database made without Flyway is the database Flyway would have made, and Flyway takes it as its own. */
class FreshSchemaTest {

    private static final String HISTORY = "gatehouse_schema_history";

    @Test
    void aNewDatabaseGetsTheSchemaTheHistoryAndTheRowsFlywayGivesIt() throws Exception {
        JdbcDataSource byFlyway = newDatabase();
        JdbiPersistence.flyway(byFlyway).migrate();
        JdbcDataSource fresh = newDatabase();

        assertTrue(FreshSchema.createIfEmpty(fresh, HISTORY));

        assertEquals(lines(byFlyway, "SCRIPT NODATA NOSETTINGS"), lines(fresh, "SCRIPT NODATA NOSETTINGS"),
                "tables, columns, constraints and indexes, the history table's among them");
        String history = "SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                + "\"installed_by\", \"success\" FROM \"" + HISTORY + "\" ORDER BY \"installed_rank\"";
        assertEquals(lines(byFlyway, history), lines(fresh, history));
        assertEquals(Migrations.FILES.size() + 1, lines(fresh, history).size(), "Flyway's marker row, then each script");
        for (String table : lines(fresh, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> '" + HISTORY + "'")) {
            String rows = "SELECT * FROM \"" + table + "\" ORDER BY 1";
            assertEquals(lines(byFlyway, rows), lines(fresh, rows), "the rows the scripts insert, in " + table);
        }
    }

    @Test
    void flywayValidatesAFreshDatabaseAndAppliesOnlyTheMigrationsReleasedAfterIt() throws Exception {
        JdbcDataSource database = newDatabase();
        FreshSchema.createIfEmpty(database, HISTORY);

        ValidateResult validation = JdbiPersistence.flyway(database).validateWithResult();
        assertTrue(validation.validationSuccessful, validation::getAllErrorMessages);
        assertTrue(Migrations.allApplied(database, HISTORY));

        Flyway later = Flyway.configure().dataSource(database).table(HISTORY)
                .locations("classpath:" + Migrations.FOLDER, "classpath:io/gatehouse/adapter/persistence/jdbi/later")
                .load();
        assertEquals(1, later.migrate().migrationsExecuted, "only V3");
        assertEquals(List.of("0"), lines(database, "SELECT COUNT(*) FROM later_things"));
        assertTrue(later.validateWithResult().validationSuccessful);
    }

    @Test
    void aDatabaseThatHoldsATableIsLeftToFlyway() throws Exception {
        JdbcDataSource database = newDatabase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE an_applications_table (id INT)");
        }

        assertFalse(FreshSchema.createIfEmpty(database, HISTORY));

        assertEquals(List.of("AN_APPLICATIONS_TABLE"), lines(database,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"), "nothing created");
    }

    @Test
    void twoOpeningsAtOnceMakeTheSchemaOnce() throws Exception {
        JdbcDataSource database = newDatabase();
        Callable<Boolean> create = () -> FreshSchema.createIfEmpty(database, HISTORY);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(create);
            Future<Boolean> second = threads.submit(create);
            assertNotEquals(first.get(), second.get(), "one made it, the other found it made");
        } finally {
            threads.shutdownNow();
        }
        assertTrue(JdbiPersistence.flyway(database).validateWithResult().validationSuccessful);
    }

    @Test
    void onlyAnH2DatabaseThatNoOtherProcessOpensSuits() {
        assertTrue(FreshSchema.suits("jdbc:h2:file:/srv/data/gatehouse;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"));
        assertTrue(FreshSchema.suits("jdbc:h2:mem:tests;DB_CLOSE_DELAY=-1"));
        assertTrue(FreshSchema.suits("jdbc:h2:./data/gatehouse"));
        assertFalse(FreshSchema.suits("jdbc:h2:tcp://db.example.com/gatehouse"));
        assertFalse(FreshSchema.suits("jdbc:h2:ssl://db.example.com/gatehouse"));
        assertFalse(FreshSchema.suits("jdbc:h2:file:/srv/data/gatehouse;auto_server = TRUE"));
        assertFalse(FreshSchema.suits("jdbc:postgresql://db.example.com/gatehouse"));
    }

    private static JdbcDataSource newDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    /** Each row of the query's answer as one line, its columns joined. */
    private static List<String> lines(JdbcDataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    line.append(column > 1 ? " | " : "").append(rows.getString(column));
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
