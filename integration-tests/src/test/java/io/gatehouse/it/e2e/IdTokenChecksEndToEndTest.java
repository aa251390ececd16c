package io.gatehouse.it.e2e;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider.Signing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every id_token check through the standalone server's routes, against a stand-in OpenID provider whose tokens the
 * test shapes: a login whose id_token fails a check lands on {@code /auth?error=} and creates nothing.
 */
class IdTokenChecksEndToEndTest {

    private static StandInProvider provider;
    private static E2eServer server;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        provider = new StandInProvider();
        server = E2eServer.start("OAUTH_PROVIDERS", "standin", "OAUTH_STANDIN_CLIENT_ID", StandInProvider.CLIENT_ID,
                "OAUTH_STANDIN_CLIENT_SECRET", StandInProvider.CLIENT_SECRET,
                "OAUTH_STANDIN_PROVIDER_URL", provider.discoveryUrl().toString(), "ENABLE_OAUTH_SIGNUP", "true");
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    @BeforeEach
    void anHonestProvider() {
        provider.signWith(Signing.PUBLISHED_KEY);
        provider.shapeIdToken(UnaryOperator.identity());
        provider.answerUserInfo(Map.of("email", "alice@example.org"));
    }

    private HttpResponse<String> get(String url, String cookie) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    /** Where the browser lands after the login button, the provider and the callback. */
    private String login() {
        HttpResponse<String> start = get("http://127.0.0.1:" + server.client.port() + "/oauth/standin/login", null);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> atProvider = get(start.headers().firstValue("Location").orElseThrow(), null);
        HttpResponse<String> back = get(atProvider.headers().firstValue("Location").orElseThrow(), cookie);
        assertEquals(302, back.statusCode(), back.body());
        String location = back.headers().firstValue("Location").orElseThrow();
        return location.contains("error=") ? URLDecoder.decode(location.substring(location.indexOf("error=") + 6),
                StandardCharsets.UTF_8) : location;
    }

    private static String failure(String detail) {
        return "OAuth callback failed: " + detail;
    }

    @Test
    void anHonestIdTokenSignsIn() {
        assertTrue(login().endsWith("/auth"));
    }

    @Test
    void aWrongNonceIssuerOrAudienceIsRefused() {
        provider.shapeIdToken(claims -> claims.claim("nonce", "someone-elses"));
        assertEquals(failure("nonce mismatch"), login());
        provider.shapeIdToken(claims -> claims.issuer("https://evil.example"));
        assertEquals(failure("wrong issuer"), login());
        provider.shapeIdToken(claims -> claims.audience("another-client"));
        assertEquals(failure("wrong audience"), login());
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        provider.shapeIdToken(claims -> claims.issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plusSeconds(300))));

        assertEquals(failure("expired"), login());
    }

    @Test
    void unsignedAndForgedIdTokensAreRefused() {
        provider.signWith(Signing.NONE);
        assertEquals(failure("unsigned token"), login());
        provider.signWith(Signing.UNPUBLISHED_KEY);
        assertEquals(failure("bad signature"), login());
    }

    @Test
    void aKeyRotatedAtTheProviderIsFetchedAndTheLoginGoesThrough() {
        assertTrue(login().endsWith("/auth"));
        int fetches = provider.jwksFetches();

        provider.rotateKey();

        assertTrue(login().endsWith("/auth"), "signed with the new key");
        assertTrue(provider.jwksFetches() > fetches, "the keys were fetched again");
    }
}
