package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** How the schema stores times (epoch milliseconds) and names of enumerations, both ways. */
final class Columns {

    private Columns() {
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** NULL for an absent time. */
    static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, Long.class)).map(Instant::ofEpochMilli);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, Long.class)).map(Instant::ofEpochMilli);
    }

    /** The value a stored name stands for; a name this version does not know means the row cannot be read. */
    static <T> T known(Optional<T> value, String what) {
        return value.orElseThrow(() -> new InfrastructureException("the database holds an unknown " + what));
    }
}
