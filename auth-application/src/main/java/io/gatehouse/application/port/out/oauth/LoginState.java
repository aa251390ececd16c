package io.gatehouse.application.port.out.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login in progress must keep between the redirect to the provider and the callback: the values that bind the
 * callback to this browser and this request. The caller stores it server side (see {@link #toStoredForm()}), keyed by
 * an HttpOnly cookie, for a few minutes, and takes it once.
 *
 * @param provider     the provider the login was begun with
 * @param state        the {@code state} sent to the provider
 * @param nonce        the {@code nonce} sent to an OpenID provider
 * @param codeVerifier the PKCE verifier whose S256 challenge was sent
 * @param redirectUri  the redirect URI sent, needed again to redeem the code
 */
public record LoginState(String provider, String state, Optional<String> nonce, Optional<String> codeVerifier,
                         URI redirectUri) {

    private static final String VERSION = "1";

    public LoginState {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (state.isEmpty()) {
            throw new IllegalArgumentException("a login state is not empty");
        }
    }

    /** One line of text for a {@code ShortLivedValues} store; {@link #fromStoredForm} reads it back. */
    public String toStoredForm() {
        return String.join(" ", VERSION, encode(provider), encode(state), encode(nonce.orElse("")),
                encode(codeVerifier.orElse("")), encode(redirectUri.toString()));
    }

    /** The state {@link #toStoredForm()} wrote, or empty for text it did not write. */
    public static Optional<LoginState> fromStoredForm(String stored) {
        String[] parts = stored.split(" ", -1);
        if (parts.length != 6 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoginState(decode(parts[1]), decode(parts[2]), optional(decode(parts[3])),
                    optional(decode(parts[4])), new URI(decode(parts[5]))));
        } catch (java.net.URISyntaxException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Shows the provider and redirect URI only: state, nonce and verifier are secrets until the login ends. */
    @Override
    public String toString() {
        return "LoginState[provider=" + provider + ", redirectUri=" + redirectUri + "]";
    }
}
