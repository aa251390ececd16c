package io.gatehouse.application.port.out.oauth;

/** Why a token refresh gave no new tokens. */
public enum RefreshRefusal {
    /** The provider has no refresh (GitHub's OAuth apps, for one). */
    NOT_SUPPORTED,
    /** The provider refused the refresh token (expired, revoked, already used); the user must log in again. */
    REJECTED,
    /** The provider sent an id_token that fails the checks of a login's id_token. */
    BAD_TOKEN,
    /** The provider could not be reached or answered with a server error; trying later may work. */
    PROVIDER_UNREACHABLE
}
