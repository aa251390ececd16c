package io.gatehouse.domain.apikey;

import java.util.Objects;

/**
 * An API key as the user holds it: {@code sk-} followed by random characters. Shown once, at creation; stored only
 * as a digest. Never printed by {@code toString}.
 */
public final class ApiKeySecret {

    /** Every API key starts with this, which is how a request's credential is told apart from a session token. */
    public static final String PREFIX = "sk-";
    private static final int MAX_LENGTH = 256;

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when the text does not look like an API key */
    public static ApiKeySecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (!looksLikeApiKey(value)) {
            throw new IllegalArgumentException("an API key starts with " + PREFIX);
        }
        return new ApiKeySecret(value);
    }

    /** Whether a presented credential is meant as an API key rather than a session token. */
    public static boolean looksLikeApiKey(String credential) {
        return credential != null && credential.startsWith(PREFIX) && credential.length() > PREFIX.length()
                && credential.length() <= MAX_LENGTH;
    }

    /** The key itself: for the one response that shows it, and for the digest. */
    public String reveal() {
        return value;
    }

    /** A form safe to show again later: the prefix, stars, and the last four characters. */
    public String hint() {
        int visible = Math.min(4, value.length() - PREFIX.length());
        return PREFIX + "*".repeat(value.length() - PREFIX.length() - visible) + value.substring(value.length() - visible);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[redacted]";
    }
}
