package io.gatehouse.adapter.persistence.jdbi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    private static DatabaseSettings settings(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, Optional.of("gatehouse"), Optional.of("s3cret-pw"), 4,
                Duration.ofSeconds(2));
    }

    @Test
    void toStringNeverShowsThePasswordGivenApart() {
        String shown = settings("jdbc:postgresql://db.internal/gatehouse").toString();

        assertFalse(shown.contains("s3cret-pw"), shown);
        assertTrue(shown.contains("jdbc:postgresql://db.internal/gatehouse"), shown);
        assertTrue(shown.contains("user=gatehouse"), shown);
    }

    @Test
    void toStringNeverShowsAPasswordWrittenIntoTheUrl() {
        String postgres = settings("jdbc:postgresql://db/gatehouse?user=app&password=s3cret-pw&ssl=true").toString();
        String h2 = settings("jdbc:h2:file:./data/gatehouse;USER=app;PASSWORD=s3cret-pw;LOCK_TIMEOUT=10000")
                .toString();
        String authority = settings("jdbc:postgresql://app:s3cret-pw@db/gatehouse").toString();

        assertFalse(postgres.contains("s3cret-pw"), postgres);
        assertTrue(postgres.contains("ssl=true"), postgres);
        assertFalse(h2.contains("s3cret-pw"), h2);
        assertTrue(h2.contains("LOCK_TIMEOUT=10000"), h2);
        assertFalse(authority.contains("s3cret-pw"), authority);
        assertTrue(authority.contains("@db/gatehouse"), authority);
    }

    @Test
    void aConnectionTimeoutBelowThePoolsMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", Optional.empty(),
                Optional.empty(), 2, Duration.ofMillis(249)));
    }

    @Test
    void aPoolTooSmallForTheMigrationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", Optional.empty(),
                Optional.empty(), 1, Duration.ofSeconds(1)));
    }
}
