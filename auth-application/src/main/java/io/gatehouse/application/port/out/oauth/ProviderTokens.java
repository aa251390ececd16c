package io.gatehouse.application.port.out.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens a provider issued. They are credentials: store them encrypted, never log them.
 *
 * @param accessToken  the access token for the provider's APIs
 * @param refreshToken the refresh token, when the provider issued one
 * @param idToken      the raw id_token (OpenID providers)
 * @param expiresAt    when the access token expires, when the provider said ({@code expires_in})
 * @param scope        the granted scope, when the provider said
 */
public record ProviderTokens(String accessToken, Optional<String> refreshToken, Optional<String> idToken,
                             Optional<Instant> expiresAt, Optional<String> scope) {

    public ProviderTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(scope, "scope");
    }

    /** Says which tokens are there, never what they are. */
    @Override
    public String toString() {
        return "ProviderTokens[refreshToken=" + refreshToken.isPresent() + ", idToken=" + idToken.isPresent()
                + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
    }
}
