package io.gatehouse.application.port.out.oauth;

import java.time.Instant;
import java.util.List;
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

    private static final String VERSION = "1";

    public ProviderTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(scope, "scope");
    }

    /** One line of text, for sealing and keeping; {@link #fromStoredForm} reads it back. */
    public String toStoredForm() {
        return StoredForm.write(VERSION, List.of(Optional.of(accessToken), refreshToken, idToken,
                expiresAt.map(at -> String.valueOf(at.getEpochSecond())), scope));
    }

    /** The tokens {@link #toStoredForm()} wrote, or empty for text it did not write. */
    public static Optional<ProviderTokens> fromStoredForm(String stored) {
        return StoredForm.read(stored, VERSION, 5).flatMap(fields -> {
            try {
                return Optional.of(new ProviderTokens(fields.get(0).orElse(""), fields.get(1), fields.get(2),
                        fields.get(3).map(seconds -> Instant.ofEpochSecond(Long.parseLong(seconds))), fields.get(4)));
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Says which tokens are there, never what they are. */
    @Override
    public String toString() {
        return "ProviderTokens[refreshToken=" + refreshToken.isPresent() + ", idToken=" + idToken.isPresent()
                + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
    }
}
