package io.gatehouse.application.port.out.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified back-channel logout request: end the sessions of this subject, or of this provider session.
 *
 * @param provider      the id of the provider that signed it
 * @param issuer        the provider's issuer
 * @param subject       the user's subject at the provider, when given
 * @param sessionId     the provider's session id ({@code sid}), when given
 * @param tokenId       the token's {@code jti}: refuse a second token with the same one
 * @param issuedAt      the token's {@code iat}
 * @param rememberUntil until when this token would still be accepted: keep {@code tokenId} in the replay cache at
 *                      least that long
 */
public record LogoutNotice(String provider, String issuer, Optional<String> subject, Optional<String> sessionId,
                           String tokenId, Instant issuedAt, Instant rememberUntil) {

    public LogoutNotice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(rememberUntil, "rememberUntil");
        if (subject.isEmpty() && sessionId.isEmpty()) {
            throw new IllegalArgumentException("a logout notice names a subject or a session");
        }
    }
}
