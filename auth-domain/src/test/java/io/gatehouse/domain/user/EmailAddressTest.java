package io.gatehouse.domain.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
            "ann@example.org, ann@example.org",
            "Ann@Example.ORG, ann@example.org",
            "'  bob@example.co.uk ', bob@example.co.uk",
            "admin@localhost, admin@localhost",
            "first.last+tag@sub.example.org, first.last+tag@sub.example.org"
    })
    void acceptsAndNormalisesAddresses(String raw, String canonical) {
        assertEquals(Optional.of(new EmailAddress(canonical)), EmailAddress.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ann", "ann@", "@example.org", "ann@example", "ann@@example.org",
            "a b@example.org", "ann@example.org@evil.org", "ann@exa mple.org",
            "ann\u0000@example.org", "ann@exam\u0007ple.org"})
    void refusesWhatIsNotAnAddress(String raw) {
        assertTrue(EmailAddress.parse(raw).isEmpty(), raw);
    }

    @Test
    void refusesOverlongAddresses() {
        String local = "a".repeat(250);
        assertTrue(EmailAddress.parse(local + "@x.org").isEmpty());
    }

    @Test
    void theConstructorOnlyTakesTheCanonicalForm() {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("Ann@example.org"));
    }

    @Test
    void domainIsThePartAfterTheLastAt() {
        assertEquals("example.org", EmailAddress.of("ann@example.org").domain());
    }
}
