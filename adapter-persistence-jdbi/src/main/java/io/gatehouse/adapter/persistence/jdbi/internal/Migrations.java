package io.gatehouse.adapter.persistence.jdbi.internal;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
            InputStream content = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name);
            if (content == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(FOLDER + "/" + name));
            }
            return new InputStreamReader(content, StandardCharsets.UTF_8);
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
