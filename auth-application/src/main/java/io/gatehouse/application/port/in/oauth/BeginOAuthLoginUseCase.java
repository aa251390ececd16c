package io.gatehouse.application.port.in.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first half of a single sign-on (Open WebUI §7.3): where to send the browser, and the key under which the login
 * state (state, nonce, PKCE verifier) is kept server-side; the browser carries only that key, in an HttpOnly cookie.
 */
public interface BeginOAuthLoginUseCase {

    /** Empty for a provider that is not configured. */
    Optional<Redirect> begin(String provider, URI redirectUri);

    /** The configured providers, by id, with the names their buttons show, in configuration order. */
    List<Provider> providers();

    record Redirect(URI authorizationUrl, String loginKey, Duration keptFor) {
        public Redirect {
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
            Objects.requireNonNull(loginKey, "loginKey");
            Objects.requireNonNull(keptFor, "keptFor");
        }

        /** The key is a credential for the duration of the login. */
        @Override
        public String toString() {
            return "Redirect[authorizationUrl=" + authorizationUrl + "]";
        }
    }

    record Provider(String id, String displayName) {
    }
}
