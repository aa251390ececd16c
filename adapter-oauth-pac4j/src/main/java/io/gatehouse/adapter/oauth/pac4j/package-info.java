/**
 * OAuth 2.0 and OpenID Connect sign-in behind {@link io.gatehouse.application.port.out.oauth.IdentityProviders}. Build
 * it once with {@link io.gatehouse.adapter.oauth.pac4j.Pac4jIdentityProviders#of} from one {@link
 * io.gatehouse.adapter.oauth.pac4j.ProviderSettings} per provider; everything else is package-private.
 *
 * <p>OpenID providers (Google, Microsoft Entra ID, Apple, any generic one) run on pac4j's {@code OidcClient}:
 * discovery, the authorization request with state, nonce and PKCE S256, the state check of the callback, the code
 * exchange, and the id_token checks (signature from the provider's JWKS, refetched when a token names an unknown key;
 * {@code iss}, {@code aud}, {@code exp}, {@code nonce}; 30 seconds of clock skew; unsigned tokens refused). pac4j is
 * driven call by call through a plain request value ({@code CallbackRequest}) and a session store that lives for one
 * call ({@code LoginSession}), so no framework type reaches this package, none of pac4j's leaves it, and the adapter
 * keeps no login state: any instance finishes a login another began. GitHub, Discord and Feishu are plain OAuth 2.0
 * over {@code java.net.http}, with their URLs configurable (GitHub Enterprise, tests). Back-channel logout tokens are
 * checked here with Nimbus against every rule of OpenID Connect Back-Channel Logout 1.0 §2.6.
 *
 * <p>Refusals carry a reason and nothing else; messages and logs never show secrets, codes or tokens. pac4j itself
 * logs token responses at DEBUG: keep {@code org.pac4j} at INFO or above in production.
 */
package io.gatehouse.adapter.oauth.pac4j;
