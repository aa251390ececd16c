package io.gatehouse.application.port.out.oauth;

import io.gatehouse.domain.oauth.OAuthSettings;

/**
 * Makes the identity providers for given single sign-on settings: the providers fixed at start (by the environment or
 * the embedding application) and the generic OpenID provider {@code oidc} when {@link
 * io.gatehouse.domain.oauth.OpenIdClient#isConfigured() the settings configure it}. The composition root supplies it,
 * so that the application can rebuild the providers when an admin changes the settings without knowing any adapter.
 *
 * <p>The providers may depend on {@link OAuthSettings#enabled()}, {@link OAuthSettings#openId()} and
 * {@link OAuthSettings#refreshTokenIncludeScope()} only: they are made again when one of those changes, not otherwise.
 * Building fetches nothing from the providers. It never throws for settings the domain accepted: a provider the
 * settings cannot make is left out (and the implementation logs why).
 */
public interface IdentityProviderFactory {

    IdentityProviders providersFor(OAuthSettings settings);
}
