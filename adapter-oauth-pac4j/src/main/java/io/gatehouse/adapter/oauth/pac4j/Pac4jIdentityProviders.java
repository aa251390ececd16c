package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured identity providers. Building them fetches nothing: an OpenID provider reads its discovery document
 * and keys at its first use, and again when they change.
 */
public final class Pac4jIdentityProviders implements IdentityProviders {

    private final List<IdentityProvider> providers;

    private Pac4jIdentityProviders(List<IdentityProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The providers, in the given order, on the system clock. */
    public static IdentityProviders of(List<ProviderSettings> settings) {
        return of(settings, Clock.systemUTC());
    }

    /**
     * The providers, in the given order. The clock dates token expiry and judges the age of logout tokens.
     *
     * @throws IllegalArgumentException when two providers share an id
     */
    public static IdentityProviders of(List<ProviderSettings> settings, Clock clock) {
        Set<String> ids = new HashSet<>();
        for (ProviderSettings provider : settings) {
            if (!ids.add(provider.id())) {
                throw new IllegalArgumentException("two identity providers share the id " + provider.id());
            }
        }
        return new Pac4jIdentityProviders(settings.stream().<IdentityProvider>map(provider -> provider.kind().isOpenId()
                ? new OidcProvider(provider, clock) : new PlainOAuth2Provider(provider, clock)).toList());
    }

    @Override
    public List<IdentityProvider> all() {
        return providers;
    }

    @Override
    public Optional<IdentityProvider> find(String id) {
        return providers.stream().filter(provider -> provider.id().equals(id)).findFirst();
    }

    @Override
    public LogoutTokenOutcome validateLogoutToken(String logoutToken) {
        Optional<String> issuer = LogoutTokenChecks.unverifiedIssuer(logoutToken);
        if (issuer.isEmpty()) {
            return new LogoutTokenOutcome.Refused(LogoutTokenRefusal.MALFORMED);
        }
        Optional<LogoutTokenOutcome> firstRefusal = Optional.empty();
        for (IdentityProvider provider : providers) {
            if (provider instanceof OidcProvider openId && openId.issuer().equals(issuer)) {
                LogoutTokenOutcome outcome = openId.validateLogoutToken(logoutToken);
                if (outcome instanceof LogoutTokenOutcome.Valid) {
                    return outcome;
                }
                firstRefusal = firstRefusal.or(() -> Optional.of(outcome));
            }
        }
        return firstRefusal.orElse(new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER));
    }
}
