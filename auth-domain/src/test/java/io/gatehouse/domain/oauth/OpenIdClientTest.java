package io.gatehouse.domain.oauth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenIdClientTest {

    private static final Optional<URI> DISCOVERY =
            Optional.of(URI.create("https://sso.example.org/.well-known/openid-configuration"));

    private static OpenIdClient client(Optional<URI> url, String clientId, Optional<String> secret,
                                       Optional<String> challenge, Optional<String> authMethod,
                                       Optional<Duration> timeout) {
        return new OpenIdClient("SSO", url, clientId, secret, Optional.empty(), "openid email profile", challenge,
                authMethod, Optional.empty(), timeout, Optional.empty(), Optional.empty());
    }

    private static String refusal(Runnable making) {
        return assertThrows(IllegalArgumentException.class, making::run).getMessage();
    }

    @Test
    void itIsOnWithAClientIdAndADiscoveryUrl() {
        assertFalse(OpenIdClient.defaults().isConfigured());
        assertFalse(client(DISCOVERY, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                .isConfigured());
        assertFalse(client(Optional.empty(), "gatehouse", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()).isConfigured());
        assertTrue(client(DISCOVERY, "gatehouse", Optional.empty(), Optional.of("S256"), Optional.of("none"),
                Optional.of(Duration.ofSeconds(5))).isConfigured());
    }

    @Test
    void valuesOpenWebUiWouldFailOnLaterAreRefusedAtOnceByTheirNames() {
        assertEquals("OPENID_PROVIDER_URL must be an absolute http(s) URL", refusal(() -> client(
                Optional.of(URI.create("file:///etc/passwd")), "c", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())));
        assertTrue(refusal(() -> client(DISCOVERY, "c", Optional.empty(), Optional.of("plain"), Optional.empty(),
                Optional.empty())).startsWith("OAUTH_CODE_CHALLENGE_METHOD accepts only S256"));
        assertTrue(refusal(() -> client(DISCOVERY, "c", Optional.of("s"), Optional.empty(),
                Optional.of("private_key_jwt"), Optional.empty())).startsWith("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD must"));
        assertEquals("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD client_secret_basic needs OAUTH_CLIENT_SECRET",
                refusal(() -> client(DISCOVERY, "c", Optional.empty(), Optional.empty(),
                        Optional.of("client_secret_basic"), Optional.empty())));
        assertEquals("OAUTH_TIMEOUT must be between 1 and 300 seconds", refusal(() -> client(DISCOVERY, "c",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Duration.ZERO))));
    }

    @Test
    void theSecretNeverShows() {
        String shown = client(DISCOVERY, "gatehouse", Optional.of("s3cret-value"), Optional.empty(), Optional.empty(),
                Optional.empty()).toString();

        assertFalse(shown.contains("s3cret-value"), shown);
        assertTrue(shown.contains("clientSecret=(hidden)"), shown);
    }
}
