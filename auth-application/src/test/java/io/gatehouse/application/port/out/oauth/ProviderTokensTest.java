package io.gatehouse.application.port.out.oauth;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProviderTokensTest {

    @Test
    void theStoredFormReadsBackWithAndWithoutOptionalTokens() {
        ProviderTokens full = new ProviderTokens("a c&=%", Optional.of("refresh"), Optional.of("id.token.x"),
                Optional.of(Instant.ofEpochSecond(1_800_000_000L)), Optional.of("openid email"));
        ProviderTokens bare = new ProviderTokens("access", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertEquals(Optional.of(full), ProviderTokens.fromStoredForm(full.toStoredForm()));
        assertEquals(Optional.of(bare), ProviderTokens.fromStoredForm(bare.toStoredForm()));
    }

    @Test
    void textItDidNotWriteIsNotRead() {
        assertEquals(Optional.empty(), ProviderTokens.fromStoredForm("2 a b c d e"));
        assertEquals(Optional.empty(), ProviderTokens.fromStoredForm("1 a b c"));
        assertEquals(Optional.empty(), ProviderTokens.fromStoredForm("1 a b c not-a-number e"));
        assertEquals(Optional.empty(), ProviderTokens.fromStoredForm("1 %zz b c d e"));
    }
}
