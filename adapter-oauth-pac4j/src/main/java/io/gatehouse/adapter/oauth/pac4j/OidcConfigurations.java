package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.Kind;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.TokenEndpointAuthMethod;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.http.callback.CallbackUrlResolver;
import org.pac4j.core.http.url.UrlResolver;
import org.pac4j.oidc.client.AppleClient;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.AppleOidcConfiguration;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.metadata.OidcOpMetadataResolver;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns provider settings into a configured pac4j {@code OidcClient}, set up once and never changed afterwards. */
final class OidcConfigurations {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** pac4j insists on a callback URL; the real one comes with each call (see {@link RedirectUriOfTheCall}). */
    private static final String PER_CALL = "https://redirect-uri.invalid/given-with-each-call";
    private static final String APPLE_DISCOVERY = "https://appleid.apple.com/.well-known/openid-configuration";

    private OidcConfigurations() {
    }

    static OidcClient client(ProviderSettings settings) {
        OidcConfiguration configuration = settings.kind() == Kind.APPLE ? apple(settings)
                : settings.kind() == Kind.MICROSOFT ? new TenantIssuers.Configuration() : new S256Configuration();
        configuration.setClientId(settings.clientId());
        settings.discoveryUrl().ifPresent(url -> configuration.setDiscoveryURI(url.toString()));
        configuration.setScope(String.join(" ", settings.scopes()));
        configuration.setUseNonce(true);
        configuration.setWithState(true);
        configuration.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        configuration.setConnectTimeout((int) settings.timeout().toMillis());
        configuration.setReadTimeout((int) settings.timeout().toMillis());
        // The claims are read from the raw userinfo answer (pac4j's profile converts and drops some of them).
        configuration.setCallUserInfoEndpoint(false);
        Map<String, String> parameters = new LinkedHashMap<>();
        settings.audience().ifPresent(audience -> parameters.put("audience", audience));
        parameters.putAll(settings.authorizeParams());
        configuration.setCustomParams(parameters);
        Optional<TokenEndpointAuthMethod> method = settings.tokenEndpointAuthMethod()
                .or(() -> settings.clientSecret().isEmpty() && settings.kind() != Kind.APPLE
                        ? Optional.of(TokenEndpointAuthMethod.NONE) : Optional.empty());
        method.ifPresent(chosen -> configuration.setClientAuthenticationMethod(
                ClientAuthenticationMethod.parse(chosen.oauthName())));
        if (method.filter(chosen -> chosen == TokenEndpointAuthMethod.NONE).isEmpty()) {
            settings.clientSecret().ifPresent(configuration::setSecret);
        }
        OidcClient client = settings.kind() == Kind.APPLE
                ? new AppleClient((AppleOidcConfiguration) configuration) : new OidcClient(configuration);
        client.setAuthenticator(new ConfiguredTokenRequests(configuration, client, settings.tokenRequests()));
        client.setName(settings.id());
        client.setCallbackUrl(PER_CALL);
        client.setCallbackUrlResolver(new RedirectUriOfTheCall());
        return client;
    }

    private static AppleOidcConfiguration apple(ProviderSettings settings) {
        ProviderSettings.AppleKey key = settings.appleKey().orElseThrow();
        AppleOidcConfiguration configuration = new AppleConfiguration();
        configuration.setTeamID(key.teamId());
        configuration.setPrivateKeyID(key.keyId());
        configuration.setPrivateKey(ecPrivateKey(key.privateKeyPem()));
        // only to pass pac4j's check that some metadata source is set: see AppleConfiguration
        configuration.setDiscoveryURI(APPLE_DISCOVERY);
        return configuration;
    }

    static ECPrivateKey ecPrivateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            // never quote the key
            throw new IllegalArgumentException("the Apple private key is not a PKCS#8 EC key in PEM form");
        }
    }

    /**
     * PKCE S256 whenever the provider does not say otherwise: pac4j's default sends PKCE only when the metadata lists
     * code challenge methods, and many providers (Entra ID among them) support S256 without listing it. Only a list
     * that leaves S256 out turns PKCE off; "plain" is never used.
     */
    static class S256Configuration extends OidcConfiguration {
        @Override
        public CodeChallengeMethod findPkceMethod() {
            ensuresMetadataResolverInitialized();
            List<CodeChallengeMethod> supported = getOpMetadataResolver().load().getCodeChallengeMethods();
            return supported == null || supported.isEmpty() || supported.contains(CodeChallengeMethod.S256)
                    ? CodeChallengeMethod.S256 : null;
        }
    }

    /**
     * pac4j 6.5.5's Apple configuration builds Apple's fixed metadata but never initialises the resolver holding it
     * (so the first login fails), and its base class refuses to start without a discovery URL. Here the URL is set for
     * that check and hidden while the resolver is made, so that the resolver holds only the fixed metadata and never
     * polls Apple's discovery document; then the resolver is initialised.
     */
    static final class AppleConfiguration extends AppleOidcConfiguration {
        @Override
        protected OidcOpMetadataResolver createNewOpMetadataResolver() {
            String discovery = getDiscoveryURI();
            setDiscoveryURI(null);
            OidcOpMetadataResolver resolver;
            try {
                resolver = super.createNewOpMetadataResolver();
            } finally {
                setDiscoveryURI(discovery);
            }
            resolver.init();
            return resolver;
        }
    }

    /** The redirect URI is the caller's, given with each call, so one client serves any number of public URLs. */
    static final class RedirectUriOfTheCall implements CallbackUrlResolver {
        @Override
        public String compute(UrlResolver urlResolver, String url, String clientName, WebContext context) {
            return ((CallbackRequest) context).redirectUri().toString();
        }

        @Override
        public boolean matches(String clientName, WebContext context) {
            return true;
        }
    }
}
