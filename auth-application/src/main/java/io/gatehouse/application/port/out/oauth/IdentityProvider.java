package io.gatehouse.application.port.out.oauth;

import java.net.URI;
import java.util.Optional;

/**
 * One configured identity provider. The login runs in two calls with the browser in between: {@link #beginLogin}
 * gives the URL to send the browser to and the state to keep; {@link #completeLogin} takes the parameters the
 * provider sent back to the redirect URI and that kept state.
 */
public interface IdentityProvider {

    /** The id used in URLs and stored with linked accounts ({@code google}, {@code oidc}, {@code keycloak} ...). */
    String id();

    /** The name shown on the login button. */
    String displayName();

    /** Whether this is an OpenID provider (id_token, discovery, back-channel and RP-initiated logout). */
    boolean isOpenId();

    /**
     * Where the provider serves the signed-in user's own picture to their access token (Microsoft Graph's
     * {@code /me/photo/$value}), asked when the claims name no picture; empty for providers without one. The address
     * is configuration, so the access token is only ever sent there.
     */
    default Optional<URI> pictureUrl() {
        return Optional.empty();
    }

    /**
     * The authorization URL for a new login and the state to keep until the callback: a fresh random {@code state},
     * a {@code nonce} (OpenID providers) and a PKCE S256 verifier (unless the provider's metadata says it does not
     * support S256). Throws {@link io.gatehouse.application.port.out.InfrastructureException} when the provider's
     * metadata cannot be fetched.
     *
     * @param redirectUri where the provider sends the browser back; the same URI is used to redeem the code
     */
    LoginRedirect beginLogin(URI redirectUri);

    /**
     * Finishes a login: checks {@code state} against the kept one, redeems the code (with the PKCE verifier), checks
     * the id_token (signature from the provider's keys, {@code iss}, {@code aud}, {@code exp}, {@code nonce}; unsigned
     * tokens are refused), reads the user's claims, and answers the external identity or the reason for refusing.
     * A provider that cannot be reached is the refusal {@link LoginRefusal#PROVIDER_UNREACHABLE}.
     *
     * @param callback the parameters of the request to the redirect URI (query, or form for {@code form_post})
     * @param kept     the state {@link #beginLogin} returned for this browser; the caller takes it once, so that a
     *                 replayed callback finds none
     */
    LoginOutcome completeLogin(LoginCallback callback, LoginState kept);

    /**
     * New tokens for a refresh token. When the provider sends no new refresh token, the given one is kept in the
     * answer; a new id_token, if any, is checked like the login's (without a nonce). Providers without refresh answer
     * {@link RefreshRefusal#NOT_SUPPORTED}.
     */
    RefreshOutcome refresh(String refreshToken);

    /**
     * Whom an access token of this provider belongs to, asked of the provider's user information endpoint (token
     * exchange, Open WebUI §1.14): the identity with that answer as its claims (GitHub's verified e-mail included), or
     * empty when the provider refuses the token or names no subject. Throws {@link
     * io.gatehouse.application.port.out.InfrastructureException} when the provider cannot be reached.
     */
    Optional<ExternalIdentity> identify(String accessToken);

    /**
     * The client an access token of this provider was issued to, by the provider's token introspection (RFC 7662,
     * the {@code introspection_endpoint} of its metadata, authenticated with this client's credentials): the
     * {@code client_id} of an active token. Empty when the provider has no introspection endpoint, refuses the call,
     * or says the token is inactive or names no client. Throws {@link
     * io.gatehouse.application.port.out.InfrastructureException} when the provider cannot be reached.
     */
    default Optional<String> tokenClient(String accessToken) {
        return Optional.empty();
    }

    /**
     * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signature by a key of the
     * provider's JWKS (never {@code alg: none}), {@code typ} {@code logout+jwt} when present, {@code iss}, {@code aud}
     * holding the client id, {@code iat} present and within the accepted window, {@code exp} not passed when present,
     * {@code events} holding the back-channel logout event as an object, no {@code nonce}, {@code sub} or {@code sid},
     * and {@code jti}. Replay of a {@code jti} is for the caller to refuse, using {@link LogoutNotice#rememberUntil()}.
     * Providers that are not OpenID providers answer {@link LogoutTokenRefusal#NOT_SUPPORTED}.
     */
    LogoutTokenOutcome validateLogoutToken(String logoutToken);

    /**
     * The provider's RP-initiated logout URL, every parameter URL-encoded: the configured end-session endpoint, else
     * the {@code end_session_endpoint} of the provider's metadata, with {@code client_id}, {@code id_token_hint} and
     * {@code post_logout_redirect_uri} when given. Empty when the provider has no such endpoint. Throws {@link
     * io.gatehouse.application.port.out.InfrastructureException} when the metadata cannot be fetched.
     */
    Optional<URI> logoutUrl(Optional<String> idTokenHint, Optional<URI> postLogoutRedirectUri);
}
