package io.gatehouse.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Small values that live for minutes and are shared by every instance: login state (OAuth state, nonce, PKCE
 * verifier), one-time codes, replay caches and locks. Every value expires after its time to live; each operation is
 * atomic, so a value taken once can never be taken again, even by two instances at the same moment. A store that
 * cannot be reached throws {@link InfrastructureException}: login state must not silently vanish.
 */
public interface ShortLivedValues {

    /** Stores the value, replacing any value under the key. */
    void put(String key, String value, Duration timeToLive);

    /** Stores the value only when the key holds none; {@code true} when this call stored it (a lock, a replay check). */
    boolean putIfAbsent(String key, String value, Duration timeToLive);

    /** The value, still stored. */
    Optional<String> get(String key);

    /** The value, removed in the same step: only one caller ever gets it. */
    Optional<String> take(String key);

    void remove(String key);
}
