package io.gatehouse.bootstrap;

import io.gatehouse.adapter.oauth.pac4j.Pac4jIdentityProviders;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings;
import io.gatehouse.application.port.out.oauth.IdentityProviderFactory;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the pac4j providers for the single sign-on settings in force: those fixed at start, then the generic OpenID
 * provider {@code oidc} when the settings configure it. The application calls it again whenever an admin changes the
 * settings, so this is where the domain's {@link OpenIdClient} becomes the adapter's {@link ProviderSettings}.
 */
final class SettingsIdentityProviderFactory implements IdentityProviderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsIdentityProviderFactory.class);

    private final List<ProviderSettings> fixed;
    private final Map<String, String> openIdAuthorizeParams;
    private final boolean clientIdInCodeExchange;
    private final Clock clock;

    /**
     * @param fixed                 providers configured at start; none may use the id {@code oidc}
     * @param openIdAuthorizeParams  more authorization parameters for {@code oidc} ({@code OAUTH_AUTHORIZE_PARAMS})
     * @param clientIdInCodeExchange {@code OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID}, for every provider
     */
    SettingsIdentityProviderFactory(List<ProviderSettings> fixed, Map<String, String> openIdAuthorizeParams,
                                    boolean clientIdInCodeExchange, Clock clock) {
        this.fixed = List.copyOf(fixed);
        this.openIdAuthorizeParams = Map.copyOf(openIdAuthorizeParams);
        this.clientIdInCodeExchange = clientIdInCodeExchange;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.fixed.stream().anyMatch(provider -> provider.id().equals(OpenIdClient.PROVIDER_ID))) {
            throw new IllegalArgumentException("the provider id " + OpenIdClient.PROVIDER_ID + " belongs to the "
                    + "generic OpenID provider of the run-time settings (AuthSettings.oauth().openId()); choose "
                    + "another id");
        }
    }

    @Override
    public IdentityProviders providersFor(OAuthSettings settings) {
        List<ProviderSettings> providers = new ArrayList<>(fixed);
        openIdProvider(settings.openId()).ifPresent(providers::add);
        // Open WebUI applies both to every provider; the refresh's scope is a run-time setting
        ProviderSettings.TokenRequests requests = new ProviderSettings.TokenRequests(clientIdInCodeExchange,
                settings.refreshTokenIncludeScope());
        providers.replaceAll(provider -> provider.withTokenRequests(requests));
        return Pac4jIdentityProviders.of(providers, clock);
    }

    private Optional<ProviderSettings> openIdProvider(OpenIdClient client) {
        if (!client.isConfigured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(openIdProvider(OpenIdClient.PROVIDER_ID, client.clientId(), client.clientSecret(),
                    client.providerUrl().orElseThrow(), client.providerName(), client, openIdAuthorizeParams));
        } catch (IllegalArgumentException unusable) {
            // the domain checks what the adapter needs, so this is a gap between the two: say so, keep the others
            LOG.warn("The generic OpenID provider cannot be made from its settings and is left out: {}",
                    unusable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * An OpenID provider with its own id, client and discovery URL, and everything else from {@code shared}: the
     * generic provider, and those of {@code OAUTH_PROVIDERS}, which share the generic one's other settings.
     *
     * @throws IllegalArgumentException when the adapter cannot use the settings
     */
    static ProviderSettings openIdProvider(String id, String clientId, Optional<String> clientSecret, URI discovery,
                                           String displayName, OpenIdClient shared, Map<String, String> authorizeParams) {
        ProviderSettings provider = ProviderSettings.openId(id, clientId, clientSecret, discovery)
                .withDisplayName(displayName)
                .withScopes(shared.scopeList())
                .withAudience(shared.audience().orElse(""))
                .withTimeout(shared.timeout().orElse(ProviderSettings.DEFAULT_TIMEOUT))
                .withAuthorizeParams(authorizeParams);
        provider = shared.tokenEndpointAuthMethod().map(ProviderSettings.TokenEndpointAuthMethod::parse)
                .map(provider::withTokenEndpointAuthMethod).orElse(provider);
        provider = shared.endSessionEndpoint().map(provider::withEndSessionEndpoint).orElse(provider);
        return shared.subClaim().map(provider::withSubjectClaim).orElse(provider);
    }
}
