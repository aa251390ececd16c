package io.gatehouse.application.port.out;

import io.gatehouse.domain.apikey.ApiKeyDigest;
import io.gatehouse.domain.apikey.ApiKeySecret;

/** Makes API keys and the digests they are stored and looked up by. */
public interface ApiKeySecrets {

    /** A new key with at least 128 random bits after its {@code sk-} prefix. */
    ApiKeySecret generate();

    ApiKeyDigest digest(ApiKeySecret secret);
}
