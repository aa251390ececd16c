package io.gatehouse.adapter.persistence.jdbi.internal;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import javax.sql.DataSource;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema's migrations, named here so that Flyway reads them instead of scanning the class path for them: in the
 * standalone server's jar that scan walks some 30,000 entries and was a large part of the start. A migration added to
 * the folder must be added to {@link #FILES}; a test compares the two.
 */
public final class Migrations implements ResourceProvider {

    /** The folder of the migrations on the class path. */
    public static final String FOLDER = "io/gatehouse/adapter/persistence/jdbi/migration";
    /** Every migration, in order. */
    public static final List<String> FILES = List.of("V1__gatehouse_schema.sql", "V2__single_sign_on.sql");

    /**
     * Whether the history table records every migration as applied, read with plain JDBC: then the schema is current
     * and Flyway (some 400 classes, a tenth of the start) need not be set up at all. Any doubt (no table yet, a
     * migration missing or failed) says no, and Flyway migrates and validates as always. When it says yes, Flyway's
     * checksums are not compared: a migration edited after it was applied goes unnoticed until the next migration
     * (migrations are never edited once released; a new one is added).
     */
    public static boolean allApplied(DataSource database, String historyTable) {
        // Flyway creates the table with quoted lower-case names, on H2 as on PostgreSQL
        String sql = "SELECT \"version\" FROM \"" + historyTable + "\" WHERE \"success\" = TRUE";
        try (Connection connection = database.getConnection()) {
            // asked first, so that a new database does not log a query on a missing table as an error
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), historyTable, null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            Set<String> applied = new HashSet<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
            return FILES.stream().map(Migrations::version).allMatch(applied::contains);
        } catch (SQLException unreadable) {
            return false;
        }
    }

    /** {@code V12__name.sql} is version {@code 12}. */
    static String version(String file) {
        return file.substring(1, file.indexOf("__"));
    }

    /** {@code V12__add_a_table.sql} is described as {@code add a table}, as Flyway describes it. */
    static String description(String file) {
        return file.substring(file.indexOf("__") + 2, file.lastIndexOf('.')).replace('_', ' ');
    }

    /** The content of one of {@link #FILES}. */
    static InputStream open(String file) {
        InputStream content = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file);
        if (content == null) {
            throw new UncheckedIOException(new FileNotFoundException(FOLDER + "/" + file));
        }
        return content;
    }

    @Override
    public LoadableResource getResource(String name) {
        return FILES.contains(name) ? new Migration(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream()
                .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .map(Migration::new)
                .collect(Collectors.toList());
    }

    /** One migration file, named as Flyway's own scan names it (relative to the folder), so its history matches. */
    private static final class Migration extends LoadableResource {

        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            return new InputStreamReader(open(name), StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
