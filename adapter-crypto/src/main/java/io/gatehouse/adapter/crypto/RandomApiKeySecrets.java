package io.gatehouse.adapter.crypto;

import io.gatehouse.application.port.out.ApiKeySecrets;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.apikey.ApiKeySecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys in Open WebUI's shape (§1.13): {@code sk-} and 32 lower-case hex characters, 128 bits from
 * {@link SecureRandom}. The digest is the SHA-256 of the whole key, in lower-case hex: a fast digest is enough for
 * 128 random bits. Thread-safe.
 */
public final class RandomApiKeySecrets implements ApiKeySecrets {

    private static final int RANDOM_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    @Override
    public ApiKeySecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return ApiKeySecret.of(ApiKeySecret.PREFIX + HexFormat.of().formatHex(bytes));
    }

    @Override
    public ApiKeyDigest digest(ApiKeySecret secret) {
        byte[] digest = sha256().digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        return new ApiKeyDigest(HexFormat.of().formatHex(digest));
    }

    /** A new instance per call: {@link MessageDigest} is not thread-safe. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform provides SHA-256", impossible);
        }
    }
}
