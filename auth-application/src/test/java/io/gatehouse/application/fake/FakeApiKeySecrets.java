package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.ApiKeySecrets;
import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.apikey.ApiKeySecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Random keys and real SHA-256 digests. */
public final class FakeApiKeySecrets implements ApiKeySecrets {

    @Override
    public ApiKeySecret generate() {
        return ApiKeySecret.of(ApiKeySecret.PREFIX + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public ApiKeyDigest digest(ApiKeySecret secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return new ApiKeyDigest(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
