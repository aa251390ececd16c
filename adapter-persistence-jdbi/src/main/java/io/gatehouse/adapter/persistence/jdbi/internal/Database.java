package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBI behind the one rule every repository follows: no vendor exception leaves the adapter. Statements run on a
 * handle or in a transaction; a JDBI failure becomes {@link InfrastructureException}, except a unique-constraint
 * violation where the caller asks for it as an outcome.
 */
final class Database {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private volatile Jdbi jdbi;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * JDBI, made at its first use: setting it up loads some 500 classes (and Java Flight Recorder's), which the start
     * does not need, as it reads with plain JDBC ({@link #query}).
     */
    private Jdbi jdbi() {
        Jdbi made = jdbi;
        if (made == null) {
            synchronized (this) {
                made = jdbi;
                if (made == null) {
                    made = Jdbi.create(dataSource);
                    // Bound arguments include password hashes and e-mail addresses: keep them out of exception messages.
                    made.getConfig(StatementExceptions.class)
                            .setMessageRendering(StatementExceptions.MessageRendering.NONE);
                    jdbi = made;
                }
            }
        }
        return made;
    }

    <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /** Reads one column value of a row, or a whole row, from a {@link ResultSet} positioned on it. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Reads what it needs from the whole result of a query. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * A query with text parameters ({@code ?}, in order), by plain JDBC. For the reads of the request path (the
     * caller of every authenticated request), where JDBI's work per handle and statement costs about as much as the
     * database's own, for the reads of the start (which then need not set JDBI up), and for simple reads by key.
     * Writes and transactions go through JDBI.
     */
    <T> T query(String sql, ResultReader<T> reader, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new InfrastructureException("the database failed", e);
        }
    }

    /** The rows of a query with one text parameter, as {@link #query}. */
    <T> List<T> rows(String sql, String parameter, RowReader<T> reader) {
        return query(sql, rows -> {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        }, parameter);
    }

    /** The row of a query by a unique key, as {@link #rows}; more than one is a broken schema. */
    <T> Optional<T> row(String sql, String parameter, RowReader<T> reader) {
        List<T> found = rows(sql, parameter, reader);
        if (found.size() > 1) {
            throw new IllegalStateException("a query by a unique key found " + found.size() + " rows");
        }
        return found.stream().findFirst();
    }

    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} (which returns non-null) in a transaction; empty when a unique constraint refused one of its
     * statements, in which case nothing of the transaction remains.
     */
    <T> Optional<T> inTransactionIfUnique(HandleCallback<T, RuntimeException> work) {
        try {
            return Optional.of(jdbi().inTransaction(work));
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /**
     * Holds the named row of {@code write_locks} until the transaction ends, so that the writers of one critical
     * section run one after another on every database.
     */
    static void lock(Handle transaction, String lockName) {
        transaction.createQuery("SELECT lock_name FROM write_locks WHERE lock_name = :name FOR UPDATE")
                .bind("name", lockName)
                .mapTo(String.class)
                .one();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && UNIQUE_VIOLATION.equals(((SQLException) cause).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static InfrastructureException failure(JdbiException e) {
        return new InfrastructureException("the database failed", e);
    }
}
