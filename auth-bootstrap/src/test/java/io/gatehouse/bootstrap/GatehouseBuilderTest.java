package io.gatehouse.bootstrap;

import io.gatehouse.application.port.out.InfrastructureException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database opens on a thread of its own during build(); what build() returns, or throws, is as before. */
class GatehouseBuilderTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-bytes";

    @Test
    void buildReturnsOnlyOnceTheSchemaIsMigrated() {
        try (Gatehouse gatehouse = Gatehouse.builder().databaseUrl("jdbc:h2:mem:builder-migrated;DB_CLOSE_DELAY=-1")
                .secretKey(KEY).build()) {
            // reads the users table at once: no wait, no retry
            assertTrue(gatehouse.describeConfiguration().describe(Optional.empty()).onboarding());
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsTheBuildWithItsOwnError() {
        GatehouseBuilder builder = Gatehouse.builder()
                .databaseUrl("jdbc:h2:mem:builder-missing;IFEXISTS=TRUE").secretKey(KEY);

        InfrastructureException failed = assertThrows(InfrastructureException.class, builder::build);

        assertTrue(failed.getMessage().startsWith("cannot connect to the database"), failed.getMessage());
    }
}
