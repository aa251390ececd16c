package io.gatehouse.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.adapter.persistence.jdbi.internal.Migrations;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations Flyway is given by name are the folder's, and their history is the one Flyway's own scan writes. */
class MigrationsTest {

    @Test
    void everyMigrationInTheFolderIsNamedInOrder() throws URISyntaxException, java.io.IOException {
        Path folder = Path.of(getClass().getClassLoader().getResource(Migrations.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> found = files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(found, Migrations.FILES);
        }
    }

    @Test
    void aSchemaThatFlywaysOwnScanMigratedOpensAsItIsAndItsHistoryIsTheSame() throws SQLException {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "", "").locations("classpath:" + Migrations.FOLDER)
                .table("gatehouse_schema_history").load().migrate();
        List<String> scanned = history(url);

        JdbiPersistence.open(new DatabaseSettings(url, Optional.empty(), Optional.empty(), 2, Duration.ofSeconds(5)),
                Clock.systemUTC()).close();

        assertEquals(scanned, history(url), "validated and nothing applied again");
        assertEquals(Migrations.FILES.size(), scanned.size());
    }

    private static List<String> history(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url);
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT \"version\", \"script\", \"checksum\" FROM \"gatehouse_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getInt(3));
            }
            return found;
        }
    }

    @Test
    void theSchemaIsCurrentOnlyWhenEveryMigrationIsRecordedAsApplied() throws SQLException {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(url);
        assertFalse(Migrations.allApplied(database, "gatehouse_schema_history"), "no history table");

        Flyway.configure().dataSource(url, "", "").locations("classpath:" + Migrations.FOLDER)
                .table("gatehouse_schema_history").target("1").load().migrate();
        assertFalse(Migrations.allApplied(database, "gatehouse_schema_history"), "the last migration is missing");

        JdbiPersistence.open(new DatabaseSettings(url, Optional.empty(), Optional.empty(), 2, Duration.ofSeconds(5)),
                Clock.systemUTC()).close();
        assertTrue(Migrations.allApplied(database, "gatehouse_schema_history"), "migrated at the opening");
        assertEquals(Migrations.FILES.size(), history(url).size());

        try (Connection db = DriverManager.getConnection(url)) {
            db.createStatement().executeUpdate("UPDATE \"gatehouse_schema_history\" SET \"success\" = FALSE "
                    + "WHERE \"version\" = '2'");
        }
        assertFalse(Migrations.allApplied(database, "gatehouse_schema_history"), "a failed migration");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMigratedSchemaIsFoundCurrentOnEachDatabase(TestDatabase database) {
        database.openEmpty(Clock.systemUTC()).close();
        try (HikariDataSource pool = database.pool()) {
            assertTrue(Migrations.allApplied(pool, "gatehouse_schema_history"));
            assertFalse(Migrations.allApplied(pool, "no_such_history"));
        }
    }
}
