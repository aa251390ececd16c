package io.gatehouse.application.port.out.oauth;

/** Why a login callback was refused. */
public enum LoginRefusal {
    /** The provider answered the login with an error ({@code access_denied}, ...). */
    PROVIDER_ERROR,
    /** The {@code state} is missing, differs from the kept one, or the kept state belongs to another provider. */
    STATE_MISMATCH,
    /** The callback carries no authorization code. */
    MISSING_CODE,
    /** The token endpoint refused the code (used, expired, wrong verifier, wrong client credentials). */
    CODE_REJECTED,
    /** The id_token's {@code nonce} is not the one sent. */
    NONCE_MISMATCH,
    /** The id_token's signature does not verify with any of the provider's keys. */
    BAD_SIGNATURE,
    /** The id_token is not signed ({@code alg: none}). */
    UNSIGNED_TOKEN,
    /** The id_token's {@code iss} (or the callback's {@code iss}) is not the provider's issuer. */
    WRONG_ISSUER,
    /** The id_token's {@code aud} does not hold this client's id. */
    WRONG_AUDIENCE,
    /** The id_token expired (beyond the allowed clock skew). */
    EXPIRED,
    /** The id_token is not a readable token, lacks required claims or was issued in the future. */
    MALFORMED_TOKEN,
    /** The provider sent no id_token although it is an OpenID provider. */
    MISSING_ID_TOKEN,
    /** The user information endpoint answered about another subject than the id_token's. */
    SUBJECT_MISMATCH,
    /** The provider's user information names no subject. */
    MISSING_SUBJECT,
    /** The provider could not be reached, or answered with a server error. */
    PROVIDER_UNREACHABLE
}
