package io.gatehouse.domain.apikey;

import io.gatehouse.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's API key as stored: its digest, a hint safe to display, when it was made, when it expires (if ever) and
 * when it was last used. A user has at most one key; making a new one replaces the old (Open WebUI §1.13).
 */
public record ApiKey(UserId userId, ApiKeyDigest digest, String hint, Instant createdAt,
                     Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {

    /** Use is recorded at most this often, so that busy keys do not write on every request. */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    public ApiKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** Whether a use at {@code now} is worth recording (the last recorded use is older than the interval). */
    public boolean isUseWorthRecording(Instant now) {
        return lastUsedAt.map(last -> !now.isBefore(last.plus(USE_RECORDING_INTERVAL))).orElse(true);
    }
}
