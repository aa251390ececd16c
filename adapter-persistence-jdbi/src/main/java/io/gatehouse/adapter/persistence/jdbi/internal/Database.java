package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Optional;

/**
 * JDBI behind the one rule every repository follows: no vendor exception leaves the adapter. Statements run on a
 * handle or in a transaction; a JDBI failure becomes {@link InfrastructureException}, except a unique-constraint
 * violation where the caller asks for it as an outcome.
 */
final class Database {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    Database(DataSource dataSource) {
        jdbi = Jdbi.create(dataSource);
        // Bound arguments include password hashes and e-mail addresses: keep them out of exception messages.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
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
            return Optional.of(jdbi.inTransaction(work));
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
