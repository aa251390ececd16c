package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.oauth.OpenIdClient;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts a login at a provider. The state, nonce and PKCE verifier stay on the server (in Redis when configured, so
 * the callback may reach any instance) under a random key of 256 bits; the login must finish within ten minutes.
 */
public final class BeginOAuthLoginService implements BeginOAuthLoginUseCase {

    static final String KEY_PREFIX = "oauth:login:";
    static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityProviders providers;
    private final ShortLivedValues values;
    private final Map<String, URI> configuredRedirectUris;
    private final SettingsHolder settings;

    /**
     * @param configuredRedirectUris redirect URIs set per provider ({@code GOOGLE_REDIRECT_URI} ...), which win over
     *                               the one the caller derives from the request; the generic provider's
     *                               ({@code OPENID_REDIRECT_URI}) is a setting an admin changes, read from
     *                               {@code settings}
     */
    public BeginOAuthLoginService(IdentityProviders providers, ShortLivedValues values,
                                  Map<String, URI> configuredRedirectUris, SettingsHolder settings) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.values = Objects.requireNonNull(values, "values");
        this.configuredRedirectUris = Map.copyOf(configuredRedirectUris);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<Redirect> begin(String provider, URI redirectUri) {
        return providers.find(provider).map(found -> {
            LoginRedirect redirect = found.beginLogin(configuredRedirectUri(found.id()).orElse(redirectUri));
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            values.put(KEY_PREFIX + key, redirect.kept().toStoredForm(), KEPT_FOR);
            return new Redirect(redirect.authorizationUrl(), key, KEPT_FOR);
        });
    }

    private Optional<URI> configuredRedirectUri(String provider) {
        return provider.equals(OpenIdClient.PROVIDER_ID) ? settings.current().oauth().openId().redirectUri()
                : Optional.ofNullable(configuredRedirectUris.get(provider));
    }

    @Override
    public List<Provider> providers() {
        return providers.all().stream().map(provider -> new Provider(provider.id(), provider.displayName()))
                .collect(Collectors.toList());
    }
}
