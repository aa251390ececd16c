package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviderFactory;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity providers of the single sign-on settings in force. Whenever those settings differ from the ones the
 * providers were made from (an admin changed them here, another instance did, or persistence brought them), the
 * providers are made again before they answer, so that a provider configured in the admin form signs in at once and a
 * removed one is gone (Open WebUI keeps the providers of its start, #26917). Comparing the settings is all an
 * unchanged request pays. With single sign-on switched off ({@code ENABLE_OAUTH}), there are no providers.
 *
 * <p>Logins survive a rebuild: their state is kept outside the providers.
 */
public final class SettingsBackedIdentityProviders implements IdentityProviders {

    private static final IdentityProviders NONE = new IdentityProviders() {
        @Override
        public List<IdentityProvider> all() {
            return List.of();
        }

        @Override
        public Optional<IdentityProvider> find(String id) {
            return Optional.empty();
        }

        @Override
        public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
            return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER);
        }
    };

    private final SettingsHolder settings;
    private final IdentityProviderFactory factory;
    private volatile Built built;

    public SettingsBackedIdentityProviders(SettingsHolder settings, IdentityProviderFactory factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = Objects.requireNonNull(factory, "factory");
        OAuthSettings initial = settings.current().oauth();
        this.built = new Built(Inputs.of(initial), make(initial));
    }

    @Override
    public List<IdentityProvider> all() {
        return inForce().all();
    }

    @Override
    public Optional<IdentityProvider> find(String id) {
        return inForce().find(id);
    }

    @Override
    public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
        return inForce().validateLogoutToken(logoutToken);
    }

    private IdentityProviders inForce() {
        OAuthSettings current = settings.current().oauth();
        Inputs wanted = Inputs.of(current);
        Built now = built;
        if (now.from.equals(wanted)) {
            return now.providers;
        }
        synchronized (this) {
            if (!built.from.equals(wanted)) {
                built = new Built(wanted, make(current));
            }
            return built.providers;
        }
    }

    private IdentityProviders make(OAuthSettings oauth) {
        return oauth.enabled() ? factory.providersFor(oauth) : NONE;
    }

    /**
     * What the providers are made from ({@link IdentityProviderFactory}): a change of anything else (the account
     * rules, the pictures) keeps them, and with them what they fetched from the providers (discovery, keys).
     */
    private record Inputs(boolean enabled, OpenIdClient openId, boolean refreshTokenIncludeScope) {
        static Inputs of(OAuthSettings oauth) {
            return new Inputs(oauth.enabled(), oauth.openId(), oauth.refreshTokenIncludeScope());
        }
    }

    private static final class Built {
        final Inputs from;
        final IdentityProviders providers;

        Built(Inputs from, IdentityProviders providers) {
            this.from = from;
            this.providers = providers;
        }
    }
}
