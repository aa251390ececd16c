package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.application.port.out.InfrastructureException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** How opening and using the persistence fails: quickly, as {@link InfrastructureException}, without secrets. */
class OpeningTest {

    private static final String PASSWORD = "s3cret-pw";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    /** The connection timeout plus the driver's login timeout, rounded up to whole seconds, plus slack. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);

    private static DatabaseSettings postgresAt(int port) {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/gatehouse?password=" + PASSWORD,
                Optional.of("gatehouse"), Optional.of(PASSWORD), 2, CONNECTION_TIMEOUT);
    }

    @Test
    void aClosedPortFailsWithinTheConnectionTimeoutWithoutShowingThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        InfrastructureException failure = assertTimeoutPreemptively(GIVE_UP_AFTER, () -> assertThrows(
                InfrastructureException.class, () -> JdbiPersistence.open(postgresAt(closedPort), Clock.systemUTC())));

        assertNoPasswordIn(failure);
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheConnectionTimeout() throws IOException {
        // The operating system accepts the connection into the backlog; nobody ever reads or writes on it.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DatabaseSettings settings = postgresAt(silent.getLocalPort());

            InfrastructureException failure = assertTimeoutPreemptively(GIVE_UP_AFTER, () -> assertThrows(
                    InfrastructureException.class, () -> JdbiPersistence.open(settings, Clock.systemUTC())));

            assertNoPasswordIn(failure);
        }
    }

    @Test
    void aUrlNoDriverAcceptsFailsWithoutShowingThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:nosuchdb://db/gatehouse?password=" + PASSWORD,
                Optional.empty(), Optional.empty(), 2, CONNECTION_TIMEOUT);

        assertNoPasswordIn(assertThrows(InfrastructureException.class,
                () -> JdbiPersistence.open(settings, Clock.systemUTC())));
    }

    @Test
    void repositoriesOfAClosedPersistenceFailAsInfrastructure() {
        JdbiPersistence persistence = JdbiPersistence.open(new DatabaseSettings(
                "jdbc:h2:mem:closed-" + UUID.randomUUID(), Optional.empty(), Optional.empty(), 2, CONNECTION_TIMEOUT),
                Clock.systemUTC());
        persistence.close();

        assertThrows(InfrastructureException.class, () -> persistence.users().count());
    }

    private static void assertNoPasswordIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(PASSWORD), cause.toString());
        }
    }
}
