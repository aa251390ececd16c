package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.TokenEndpointAuthMethod;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.TokenRequests;
import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID} and {@code OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE}, read off what the
 * provider's token endpoint receives.
 */
class TokenRequestOptionsTest {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/oauth/standin/login/callback");
    private static StandInProvider provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** Signs in, then refreshes: the code exchange's and the refresh's requests, as the provider got them. */
    private static List<StandInProvider.TokenRequest> codeExchangeAndRefresh(TokenRequests options) {
        IdentityProvider adapter = Pac4jIdentityProviders.of(List.of(provider.settings()
                .withTokenEndpointAuthMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC).withTokenRequests(options)))
                .find("standin").orElseThrow();
        int before = provider.tokenRequests().size();
        LoginRedirect redirect = adapter.beginLogin(REDIRECT);
        LoginOutcome outcome = adapter.completeLogin(
                LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())), redirect.kept());
        String refreshToken = assertInstanceOf(LoginOutcome.SignedIn.class, outcome, outcome.toString()).identity()
                .tokens().refreshToken().orElseThrow();
        assertInstanceOf(RefreshOutcome.Refreshed.class, adapter.refresh(refreshToken));
        List<StandInProvider.TokenRequest> requests = provider.tokenRequests();
        assertEquals(before + 2, requests.size());
        return requests.subList(before, before + 2);
    }

    @Test
    void byDefaultABasicClientSendsNoClientIdInTheBodyAndNoScopeOnRefresh() {
        List<StandInProvider.TokenRequest> requests = codeExchangeAndRefresh(TokenRequests.OPEN_WEBUI);
        Map<String, String> exchange = requests.get(0).form();
        Map<String, String> refresh = requests.get(1).form();

        assertEquals("authorization_code", exchange.get("grant_type"));
        assertTrue(requests.get(0).authorization().orElseThrow().startsWith("Basic "));
        assertFalse(exchange.containsKey("client_id"), exchange.toString());
        assertEquals("refresh_token", refresh.get("grant_type"));
        assertFalse(refresh.containsKey("scope"), refresh.toString());
    }

    @Test
    void whenAskedTheCodeExchangeCarriesTheClientIdAndTheRefreshTheScopes() {
        List<StandInProvider.TokenRequest> requests = codeExchangeAndRefresh(new TokenRequests(true, true));
        Map<String, String> exchange = requests.get(0).form();
        Map<String, String> refresh = requests.get(1).form();

        assertEquals(StandInProvider.CLIENT_ID, exchange.get("client_id"));
        assertTrue(requests.get(0).authorization().orElseThrow().startsWith("Basic "), "still authenticated by Basic");
        assertFalse(exchange.containsKey("client_secret"), "the secret stays in the header");
        assertEquals("openid email profile", refresh.get("scope"));
        assertFalse(refresh.containsKey("client_id"), "only the code exchange is asked for it");
    }

    @Test
    void aClientSecretPostClientSendsItsClientIdOnceEitherWay() {
        IdentityProvider adapter = Pac4jIdentityProviders.of(List.of(provider.settings()
                .withTokenEndpointAuthMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST)
                .withTokenRequests(new TokenRequests(true, false)))).find("standin").orElseThrow();
        LoginRedirect redirect = adapter.beginLogin(REDIRECT);

        assertInstanceOf(LoginOutcome.SignedIn.class, adapter.completeLogin(
                LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())), redirect.kept()));

        StandInProvider.TokenRequest exchange = provider.tokenRequests().get(provider.tokenRequests().size() - 1);
        assertEquals(StandInProvider.CLIENT_ID, exchange.form().get("client_id"));
        assertEquals(1, exchange.body().split("client_id=", -1).length - 1, exchange.body());
        assertEquals(StandInProvider.CLIENT_SECRET, exchange.form().get("client_secret"));
        assertFalse(exchange.authorization().isPresent());
    }
}
