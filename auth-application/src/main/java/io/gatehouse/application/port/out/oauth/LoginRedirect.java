package io.gatehouse.application.port.out.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send the browser to log in, and the state to keep until it comes back.
 *
 * @param authorizationUrl the provider's authorization endpoint with every parameter of the request
 * @param kept             what {@link IdentityProvider#completeLogin} needs back
 */
public record LoginRedirect(URI authorizationUrl, LoginState kept) {

    public LoginRedirect {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(kept, "kept");
    }

    @Override
    public String toString() {
        return "LoginRedirect[provider=" + kept.provider() + "]";
    }
}
