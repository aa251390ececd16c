package io.gatehouse.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Fetches a profile picture an identity provider points to and keeps it as a {@code data:image/...;base64,} URI, so
 * browsers never load it from the provider. The address comes from a claim, so the fetch must not reach the server's
 * own networks, and what comes back must be a small image.
 */
public interface ProfilePictures {

    /** The picture, or empty when it cannot be had safely or at all. */
    Optional<String> fetch(URI url);
}
