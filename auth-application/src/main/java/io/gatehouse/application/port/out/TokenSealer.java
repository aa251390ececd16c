package io.gatehouse.application.port.out;

import java.util.Optional;

/**
 * Encrypts secrets kept at rest, such as an identity provider's tokens: authenticated encryption, so that a sealed
 * value that was altered, or sealed under another key, does not open at all.
 */
public interface TokenSealer {

    String seal(String plaintext);

    /** The plaintext, or empty when the value was not sealed by this key or was changed since. */
    Optional<String> open(String sealed);
}
