package io.gatehouse.domain.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

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

    /** The shape Open WebUI checks, as the regular expression it was first written with, anchored at both ends. */
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+"
            + "|[^@\\s\\p{Cntrl}]+@localhost");

    @Test
    void acceptsExactlyTheShapeOfTheRegularExpression() {
        char[] alphabet = {'a', 'z', '.', '@', ' ', '\t', '\u007f', '\u0001', '\u00e9', '-', '+'};
        Random random = new Random(42);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder candidate = new StringBuilder();
            for (int length = random.nextInt(9); length > 0; length--) {
                candidate.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = candidate.toString();
            boolean expected = SHAPE.matcher(text).matches();
            assertEquals(expected, EmailAddress.parse(text).map(EmailAddress::value).filter(text::equals).isPresent(),
                    () -> "'" + text + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 100, "the sample holds addresses too: " + accepted);
        for (String edge : new String[]{"a@localhost", "a@xlocalhost", "a@.b", "a@b.", "a@..", "a@...", "a@b..c"}) {
            assertEquals(SHAPE.matcher(edge).matches(), EmailAddress.parse(edge).isPresent(), edge);
        }
    }
}
