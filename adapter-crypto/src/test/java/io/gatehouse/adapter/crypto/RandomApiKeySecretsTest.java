package io.gatehouse.adapter.crypto;

import io.gatehouse.domain.apikey.ApiKeySecret;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomApiKeySecretsTest {

    private static final Pattern OPEN_WEBUI_SHAPE = Pattern.compile("sk-[0-9a-f]{32}");

    private final RandomApiKeySecrets secrets = new RandomApiKeySecrets();

    @Test
    void keysHaveOpenWebUisShape() {
        String key = secrets.generate().reveal();

        assertTrue(OPEN_WEBUI_SHAPE.matcher(key).matches(), "key of " + key.length() + " characters");
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = IntStream.range(0, 1000).mapToObj(i -> secrets.generate().reveal())
                .collect(Collectors.toSet());

        assertEquals(1000, keys.size());
    }

    @Test
    void theDigestIsTheSha256HexOfTheWholeKey() {
        ApiKeySecret key = ApiKeySecret.of("sk-00112233445566778899aabbccddeeff");

        // sha256("sk-00112233445566778899aabbccddeeff"), computed outside Java
        assertEquals("3cedd05ea8e7d56855f4e186e9a138e7e124e04d11a23005f67769a31cbe71dd", secrets.digest(key).hex());
    }

    @Test
    void differentKeysHaveDifferentDigests() {
        assertNotEquals(secrets.digest(ApiKeySecret.of("sk-00112233445566778899aabbccddeeff")),
                secrets.digest(ApiKeySecret.of("sk-00112233445566778899aabbccddeefe")));
    }
}
