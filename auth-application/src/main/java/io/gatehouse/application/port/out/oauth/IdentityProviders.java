package io.gatehouse.application.port.out.oauth;

import java.util.List;
import java.util.Optional;

/** The identity providers Gatehouse is configured with, each under the id used in its URLs ({@code google}, ...). */
public interface IdentityProviders {

    /** Every configured provider, in configuration order. */
    List<IdentityProvider> all();

    /** The provider with this id (exact match), or empty when none is configured under it. */
    Optional<IdentityProvider> find(String id);

    /**
     * Checks a back-channel logout token from whichever configured OpenID provider issued it: the provider is chosen by
     * the token's (still unverified) {@code iss}, then the token is checked as {@link
     * IdentityProvider#validateLogoutToken} does. When several providers share the issuer, the first that accepts the
     * token answers. No provider with that issuer gives {@link LogoutTokenRefusal#UNKNOWN_ISSUER}.
     */
    LogoutTokenOutcome validateLogoutToken(String logoutToken);
}
