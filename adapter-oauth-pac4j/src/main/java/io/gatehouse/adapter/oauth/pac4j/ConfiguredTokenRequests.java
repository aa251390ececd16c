package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.credentials.authenticator.OidcAuthenticator;

import java.net.URI;

/**
 * pac4j's token requests with Open WebUI's two options (OW §7.4 step 2, §7.9 step 3.3): {@code client_id} in the body
 * of the code exchange also when the client authenticates with HTTP Basic, and {@code scope} on refresh only when
 * asked for (pac4j always sends it). The code exchange keeps pac4j's {@code scope}, which providers ignore there.
 */
final class ConfiguredTokenRequests extends OidcAuthenticator {

    private final ProviderSettings.TokenRequests options;

    ConfiguredTokenRequests(OidcConfiguration configuration, OidcClient client, ProviderSettings.TokenRequests options) {
        super(configuration, client);
        this.options = options;
    }

    @Override
    protected TokenRequest createTokenRequest(AuthorizationGrant grant) {
        URI endpoint = configuration.getOpMetadataResolver().load().getTokenEndpointURI();
        ClientAuthentication authentication = configuration.getOpMetadataResolver().getClientAuthenticationTokenEndpoint();
        boolean refresh = grant instanceof RefreshTokenGrant;
        TokenRequest.Builder request = authentication == null
                ? new TokenRequest.Builder(endpoint, new ClientID(configuration.getClientId()), grant)
                : new TokenRequest.Builder(endpoint, authentication, grant);
        if (!refresh || options.scopeOnRefresh()) {
            request.scope(Scope.parse(configuration.getScope()));
        }
        // a public client and client_secret_post put client_id in the body already
        if (!refresh && options.clientIdInCodeExchange() && authentication != null
                && !(authentication instanceof ClientSecretPost)) {
            request.customParameter("client_id", configuration.getClientId());
        }
        return request.build();
    }
}
