package io.gatehouse.adapter.persistence.jdbi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is and how to reach it. {@link #toString()} never shows the password, neither the one given
 * here nor one written into the URL ({@code ?password=…}, {@code ;PASSWORD=…}, {@code //user:secret@host}).
 *
 * <p>For an in-memory H2 database add {@code ;DB_CLOSE_DELAY=-1} to the URL, or it vanishes whenever the pool
 * happens to hold no connection; H2 waits only one second for a row lock by default ({@code ;LOCK_TIMEOUT=…}).
 *
 * @param jdbcUrl           the JDBC URL, {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param user              the database user, when the URL does not name one
 * @param password          the user's password, when the database asks for one
 * @param maxPoolSize       how many connections the pool keeps at most; at least two, because Flyway holds two
 *                          while it migrates the schema
 * @param connectionTimeout how long a caller waits for a connection before the database counts as unavailable;
 *                          at least 250 ms, the pool's lower bound
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize,
                               Duration connectionTimeout) {

    private static final int SMALLEST_POOL = 2;
    private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(250);
    private static final String REDACTED = "****";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:");
        }
        if (maxPoolSize < SMALLEST_POOL) {
            throw new IllegalArgumentException("the pool holds at least " + SMALLEST_POOL + " connections");
        }
        if (connectionTimeout.compareTo(SHORTEST_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout is at least " + SHORTEST_TIMEOUT.toMillis() + " ms");
        }
    }

    /** The URL with any password in it replaced by {@code ****}: what messages may show. */
    public String redactedJdbcUrl() {
        String withoutParameter = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1" + REDACTED);
        return PASSWORD_IN_AUTHORITY.matcher(withoutParameter).replaceAll("$1" + REDACTED + "@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedJdbcUrl() + ", user=" + user.orElse("(none)")
                + ", password=" + (password.isPresent() ? REDACTED : "(none)") + ", maxPoolSize=" + maxPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
