package io.gatehouse.application.port.out.oauth;

/** Why a back-channel logout token was refused (OpenID Connect Back-Channel Logout 1.0 §2.6). */
public enum LogoutTokenRefusal {
    /** Not a JWT, or an encrypted one, or its claims cannot be read. */
    MALFORMED,
    /** No configured provider has the token's issuer. */
    UNKNOWN_ISSUER,
    /** The provider is not an OpenID provider. */
    NOT_SUPPORTED,
    /** The token is not signed ({@code alg: none}). */
    UNSIGNED,
    /** The signature does not verify with any key of the provider's JWKS, or uses an algorithm not accepted. */
    BAD_SIGNATURE,
    /** The {@code typ} header is present and is not {@code logout+jwt}. */
    WRONG_TYPE,
    /** {@code iss} is not the provider's issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not hold this client's id. */
    WRONG_AUDIENCE,
    /** {@code iat} is missing. */
    MISSING_ISSUED_AT,
    /** {@code iat} is too far in the future or too old to accept. */
    ISSUED_AT_OUT_OF_RANGE,
    /** {@code exp} is present and has passed. */
    EXPIRED,
    /** {@code events} does not hold {@code http://schemas.openid.net/event/backchannel-logout} as a JSON object. */
    MISSING_EVENT,
    /** A {@code nonce} is present, which a logout token must never carry. */
    NONCE_PRESENT,
    /** Neither {@code sub} nor {@code sid} is present. */
    MISSING_SUBJECT_AND_SESSION,
    /** {@code jti} is missing, so replays could not be refused. */
    MISSING_TOKEN_ID,
    /** The provider's metadata or keys could not be fetched. */
    PROVIDER_UNREACHABLE
}
