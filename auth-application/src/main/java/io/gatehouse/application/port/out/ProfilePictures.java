package io.gatehouse.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Fetches a profile picture an identity provider points to and keeps it as a {@code data:image/...;base64,} URI, so
 * browsers never load it from the provider. The address comes from a claim, so the fetch must not reach the server's
 * own networks, and what comes back must be a small image.
 */
public interface ProfilePictures {

    /** The picture, or empty when it cannot be had safely or at all. No credential is sent. */
    Optional<String> fetch(URI url);

    /**
     * The picture at an identity provider's own picture endpoint (Microsoft Graph's {@code /me/photo/$value}), asked
     * with the user's access token as a bearer token, under the same limits. The address must come from configuration,
     * never from a claim: the token goes to it and nowhere else (redirects are not followed).
     */
    Optional<String> fetch(URI url, String accessToken);
}
