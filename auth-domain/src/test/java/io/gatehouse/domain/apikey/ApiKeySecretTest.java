package io.gatehouse.domain.apikey;

import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeySecretTest {

    private static final String KEY = "sk-0123456789abcdef0123456789abcdef";

    @Test
    void theHintShowsOnlyThePrefixAndTheLastFourCharacters() {
        String hint = ApiKeySecret.of(KEY).hint();

        assertEquals("sk-" + "*".repeat(28) + "cdef", hint);
        assertEquals(KEY.length(), hint.length());
    }

    @Test
    void theSecretNeverShowsItself() {
        assertFalse(ApiKeySecret.of(KEY).toString().contains("0123"));
    }

    @Test
    void onlySkPrefixedCredentialsAreApiKeys() {
        assertTrue(ApiKeySecret.looksLikeApiKey(KEY));
        assertFalse(ApiKeySecret.looksLikeApiKey("sk-"));
        assertFalse(ApiKeySecret.looksLikeApiKey("eyJhbGciOiJIUzI1NiJ9.e30.x"));
        assertThrows(IllegalArgumentException.class, () -> ApiKeySecret.of("pk-123"));
    }

    @Test
    void useIsRecordedAtMostOncePerInterval() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ApiKey unused = new ApiKey(UserId.random(), new ApiKeyDigest("0".repeat(64)), "h", t, Optional.empty(), Optional.empty());
        ApiKey justUsed = new ApiKey(UserId.random(), new ApiKeyDigest("0".repeat(64)), "h", t, Optional.empty(), Optional.of(t));

        assertTrue(unused.isUseWorthRecording(t));
        assertFalse(justUsed.isUseWorthRecording(t.plusSeconds(59)));
        assertTrue(justUsed.isUseWorthRecording(t.plusSeconds(60)));
    }

    @Test
    void keysMayExpire() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ApiKey expiring = new ApiKey(UserId.random(), new ApiKeyDigest("a".repeat(64)), "h", t, Optional.of(t.plusSeconds(10)), Optional.empty());

        assertFalse(expiring.isExpiredAt(t.plusSeconds(9)));
        assertTrue(expiring.isExpiredAt(t.plusSeconds(10)));
    }
}
