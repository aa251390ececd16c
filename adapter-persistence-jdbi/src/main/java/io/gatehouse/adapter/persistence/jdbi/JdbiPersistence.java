package io.gatehouse.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.adapter.persistence.jdbi.internal.FreshSchema;
import io.gatehouse.adapter.persistence.jdbi.internal.Migrations;
import io.gatehouse.adapter.persistence.jdbi.internal.Repositories;
import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.SettingsRepository;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.application.port.out.UserRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The repositories of one H2 or PostgreSQL database, over a connection pool that this object owns: {@link #close()}
 * closes it. Opening brings the schema up to date (Flyway, history table {@code gatehouse_schema_history}; a new
 * embedded H2 database gets the same schema and history without Flyway).
 *
 * <p>Thread-safe. Every failure of the database, the driver or the pool surfaces as {@link InfrastructureException},
 * whose message never carries a password; a database that cannot be reached fails within the connection timeout of
 * the {@link DatabaseSettings}.
 */
public final class JdbiPersistence implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:" + Migrations.FOLDER;
    /** Our own history table, so that Gatehouse can share a database with an application that uses Flyway too. */
    private static final String SCHEMA_HISTORY_TABLE = "gatehouse_schema_history";

    private static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    private final HikariDataSource pool;
    private final Repositories repositories;

    private JdbiPersistence(HikariDataSource pool, Repositories repositories) {
        this.pool = pool;
        this.repositories = repositories;
    }

    /**
     * Connects, migrates the schema (unless its history says it is current) and builds the repositories.
     * {@code clock} tells the token revocations when expired rows may go.
     *
     * @throws InfrastructureException when the database cannot be reached or migrated
     */
    public static JdbiPersistence open(DatabaseSettings settings, Clock clock) {
        HikariDataSource pool = connect(settings);
        if (!Migrations.allApplied(pool, SCHEMA_HISTORY_TABLE)) {
            migrate(pool, settings);
        }
        return new JdbiPersistence(pool, Repositories.over(pool, clock));
    }

    private static void migrate(HikariDataSource pool, DatabaseSettings settings) {
        try {
            // a new embedded database, the quick start's first start, is made without setting Flyway up
            if (!(FreshSchema.suits(settings.jdbcUrl()) && FreshSchema.createIfEmpty(pool, SCHEMA_HISTORY_TABLE))) {
                flyway(pool).migrate();
            }
        } catch (FlywayException | SQLException | IOException | UncheckedIOException e) {
            pool.close();
            throw new InfrastructureException("cannot migrate the database schema at " + settings.redactedJdbcUrl(), e);
        }
    }

    /**
     * Flyway as Gatehouse sets it up: our own history table and location, so that an application embedding Gatehouse
     * keeps its Flyway defaults to itself; the migrations by name and no Java migrations, so that Flyway scans nothing.
     */
    static Flyway flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations(MIGRATIONS).resourceProvider(new Migrations())
                .javaMigrationClassProvider(List::of).table(SCHEMA_HISTORY_TABLE).load();
    }

    private static HikariDataSource connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // The first-account lock relies on each statement seeing what committed before it: READ COMMITTED, not more.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (settings.jdbcUrl().startsWith(POSTGRESQL_URL_PREFIX)) {
            // Without these the driver waits forever for a server that accepts the connection but never answers;
            // whole seconds, rounded up.
            String seconds = String.valueOf((settings.connectionTimeout().toMillis() + 999) / 1000);
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new InfrastructureException("cannot connect to the database at " + settings.redactedJdbcUrl(), e);
        }
    }

    public UserRepository users() {
        return repositories.users();
    }

    public GroupRepository groups() {
        return repositories.groups();
    }

    public ApiKeyRepository apiKeys() {
        return repositories.apiKeys();
    }

    /** The read of every authenticated request: the caller with their groups' permissions, in one statement. */
    public Callers callers() {
        return repositories.callers();
    }

    public TokenRevocations tokenRevocations() {
        return repositories.tokenRevocations();
    }

    public SettingsRepository settings() {
        return repositories.settings();
    }

    public IdentityLinks identityLinks() {
        return repositories.identityLinks();
    }

    public IdpSessionRepository idpSessions() {
        return repositories.idpSessions();
    }

    /** Closes the pool; the repositories fail with {@link InfrastructureException} afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
