package io.gatehouse.it.e2e;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider.Signing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
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
    private final Browser browser = new Browser();

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

    /** Where the browser lands after the login button, the provider and the callback. */
    private String login() {
        HttpResponse<String> back = browser.signIn("http://127.0.0.1:" + server.client.port(), "standin",
                UnaryOperator.identity());
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
