/**
 * The driven port for signing in through external identity providers (OAuth 2.0 and OpenID Connect): start a login,
 * finish it from the provider's callback, refresh the provider's tokens, check a back-channel logout token, and build
 * the provider's logout URL. Only plain values cross it; no OAuth library's type does.
 *
 * <p>Implementations keep no login state between calls: {@link
 * io.gatehouse.application.port.out.oauth.IdentityProvider#beginLogin} hands the state, nonce and PKCE verifier to
 * the caller, who keeps them (in {@link io.gatehouse.application.port.out.ShortLivedValues}, keyed by a cookie) and
 * gives them back to {@link io.gatehouse.application.port.out.oauth.IdentityProvider#completeLogin}, so any instance
 * can finish a login that another began.
 *
 * <p>Unless a method says otherwise: arguments and results are never null, absence is an empty {@code Optional},
 * implementations are thread-safe, expected refusals are results with an enum reason, and only a provider that cannot
 * be reached where no refusal fits surfaces as {@link io.gatehouse.application.port.out.InfrastructureException}. No
 * value's {@code toString} shows a token, a code, a verifier or a secret.
 */
package io.gatehouse.application.port.out.oauth;
