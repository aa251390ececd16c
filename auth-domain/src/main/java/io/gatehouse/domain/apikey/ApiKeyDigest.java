package io.gatehouse.domain.apikey;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A one-way digest of an API key (64 lower-case hex characters of SHA-256): what is stored and looked up. Keys have
 * at least 128 random bits, so a fast digest is enough; a slow password hash would only slow every request.
 */
public record ApiKeyDigest(String hex) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyDigest {
        Objects.requireNonNull(hex, "hex");
        if (!HEX_64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a digest is 64 lower-case hex characters");
        }
    }
}
