package io.gatehouse.application.port.out.oauth;

import java.net.URI;
import java.util.List;
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
        return StoredForm.write(VERSION, List.of(Optional.of(provider), Optional.of(state), nonce, codeVerifier,
                Optional.of(redirectUri.toString())));
    }

    /** The state {@link #toStoredForm()} wrote, or empty for text it did not write. */
    public static Optional<LoginState> fromStoredForm(String stored) {
        return StoredForm.read(stored, VERSION, 5).flatMap(fields -> {
            try {
                return Optional.of(new LoginState(fields.get(0).orElse(""), fields.get(1).orElse(""), fields.get(2),
                        fields.get(3), new URI(fields.get(4).orElse(""))));
            } catch (java.net.URISyntaxException | IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Shows the provider and redirect URI only: state, nonce and verifier are secrets until the login ends. */
    @Override
    public String toString() {
        return "LoginState[provider=" + provider + ", redirectUri=" + redirectUri + "]";
    }
}
