package io.gatehouse.adapter.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AesGcmTokenSealerTest {

    private static final byte[] KEY = "a-sealing-key-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private final AesGcmTokenSealer sealer = new AesGcmTokenSealer(KEY);

    @Test
    void aSealedValueOpensToItselfAndHidesIt() {
        String sealed = sealer.seal("access-token-123 refresh-token-456");

        assertEquals(Optional.of("access-token-123 refresh-token-456"), sealer.open(sealed));
        assertFalse(sealed.contains("access-token"));
        assertNotEquals(sealed, sealer.seal("access-token-123 refresh-token-456"), "a fresh nonce every time");
    }

    @Test
    void alteredForeignOrMalformedValuesDoNotOpen() {
        String sealed = sealer.seal("secret");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring("v1.".length()));
        raw[raw.length / 2] ^= 1; // one bit of the ciphertext or tag
        String altered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        AesGcmTokenSealer otherKey = new AesGcmTokenSealer("another-key-of-thirty-two-bytes-or-more!"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.empty(), sealer.open(altered));
        assertEquals(Optional.empty(), otherKey.open(sealed));
        assertEquals(Optional.empty(), sealer.open("v1.@@@"));
        assertEquals(Optional.empty(), sealer.open("v1.AAAA"));
        assertEquals(Optional.empty(), sealer.open("plain text"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AesGcmTokenSealer(new byte[16]));
    }
}
