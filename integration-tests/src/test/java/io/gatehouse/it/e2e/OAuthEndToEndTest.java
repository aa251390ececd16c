package io.gatehouse.it.e2e;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on through the standalone server's routes against mock-oauth2-server running as a real OpenID
 * provider: the test plays the browser, following each redirect by hand and keeping the cookies.
 */
class OAuthEndToEndTest {

    private static final String CLIENT_ID = "gatehouse";
    private static MockOAuth2Server provider;

    private final Browser browser = new Browser();
    private E2eServer server;

    @BeforeAll
    static void startProvider() throws IOException {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void startServer() {
        server = E2eServer.start("OAUTH_CLIENT_ID", CLIENT_ID, "OAUTH_CLIENT_SECRET", "secret",
                "OPENID_PROVIDER_URL", provider.wellKnownUrl("corp").toString(), "OAUTH_PROVIDER_NAME", "Corp SSO",
                "ENABLE_OAUTH_SIGNUP", "true", "OAUTH_MERGE_ACCOUNTS_BY_EMAIL", "true",
                "ENABLE_OAUTH_ROLE_MANAGEMENT", "true", "OAUTH_ROLES_CLAIM", "realm_access.roles",
                "OAUTH_ALLOWED_ROLES", "staff", "OAUTH_ADMIN_ROLES", "ops", "OAUTH_ROLES_FAIL_CLOSED", "true",
                "ENABLE_OAUTH_GROUP_MANAGEMENT", "true", "ENABLE_OAUTH_GROUP_CREATION", "true",
                "OAUTH_BLOCKED_GROUPS", "[\"admins\"]", "ENABLE_OAUTH_BACKCHANNEL_LOGOUT", "true",
                "ENABLE_OAUTH_TOKEN_EXCHANGE", "true", "OAUTH_PICTURE_ALLOW_PRIVATE_ADDRESSES", "true");
        server.client.post("/api/v1/auths/signup", Map.of("name", "Root", "email", "root@example.org",
                "password", "correct horse"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void nextLoginIs(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
    }

    private String base() {
        return "http://127.0.0.1:" + server.client.port();
    }

    private HttpResponse<String> login(UnaryOperator<String> tamperWithCallback) {
        return browser.signIn(base(), "oidc", tamperWithCallback);
    }

    private static String landing(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String error(HttpResponse<String> response) {
        String location = landing(response);
        assertTrue(location.contains("/auth?error="), location);
        return URLDecoder.decode(location.substring(location.indexOf("error=") + 6), StandardCharsets.UTF_8);
    }

    private static String token(HttpResponse<String> response) {
        assertTrue(landing(response).endsWith("/auth"), landing(response));
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("token="))
                .findFirst().orElseThrow().split(";", 2)[0].substring("token=".length());
    }

    private Map<?, ?> me(String token) {
        return (Map<?, ?>) server.client.get("/api/v1/auths/", "Authorization", "Bearer " + token).json();
    }

    @Test
    void theFirstLoginCreatesTheAccountWithRoleAndGroupsAndTheSecondFindsIt() {
        nextLoginIs("alice", Map.of("email", "alice@corp.example", "name", "Alice",
                "realm_access", Map.of("roles", List.of("staff")), "groups", List.of("devs", "admins")));
        Map<?, ?> first = me(token(login(url -> url)));
        nextLoginIs("alice", Map.of("email", "alice@corp.example",
                "realm_access", Map.of("roles", List.of("ops")), "groups", List.of("devs")));
        Map<?, ?> second = me(token(login(url -> url)));

        assertEquals("alice@corp.example", first.get("email"));
        assertEquals("user", first.get("role"));
        assertEquals(first.get("id"), second.get("id"));
        assertEquals("admin", second.get("role"), "roles follow the provider at every login");
        String admin = (String) server.client.post("/api/v1/auths/signin", Map.of("email", "root@example.org",
                "password", "correct horse")).field("token");
        List<?> groups = (List<?>) server.client.get("/api/v1/groups/", "Authorization", "Bearer " + admin).json();
        assertEquals(List.of("devs"), groups.stream().map(group -> ((Map<?, ?>) group).get("name"))
                .collect(Collectors.toList()), "admins is blocked and never created");
        Map<?, ?> providers = (Map<?, ?>) ((Map<?, ?>) server.client.get("/api/config").field("oauth")).get("providers");
        assertEquals(Map.of("oidc", "Corp SSO"), providers);
    }

    @Test
    void anExistingEmailIsMergedOnlyWhenTheProviderVerifiedIt() {
        nextLoginIs("mallory", Map.of("email", "root@example.org", "email_verified", false,
                "realm_access", Map.of("roles", List.of("staff"))));
        assertTrue(error(login(url -> url)).startsWith("Uh-oh! This email is already registered."));

        nextLoginIs("root-at-idp", Map.of("email", "root@example.org", "email_verified", true,
                "realm_access", Map.of("roles", List.of("ops"))));
        Map<?, ?> merged = me(token(login(url -> url)));

        assertEquals("root@example.org", merged.get("email"));
        assertEquals("Root", merged.get("name"));
    }

    @Test
    void aMissingRolesClaimFailsClosed() {
        nextLoginIs("bob", Map.of("email", "bob@corp.example"));

        assertEquals("You do not have permission to access this resource. Please contact your administrator for "
                + "assistance.", error(login(url -> url)));
    }

    @Test
    void aForgedStateOrAMissingLoginCookieNeverSignsIn() {
        // no login is queued at the provider: both callbacks must be refused before any code is redeemed
        String forged = error(login(url -> url.replaceAll("state=[^&]+", "state=forged")));

        HttpResponse<String> start = browser.get(base() + "/oauth/oidc/login", null);
        HttpResponse<String> atProvider = browser.get(start.headers().firstValue("Location").orElseThrow(), null);
        String noCookie = error(browser.get(atProvider.headers().firstValue("Location").orElseThrow(), null));

        assertEquals("OAuth callback failed: state mismatch", forged);
        assertNotEquals(forged, noCookie);
        assertTrue(noCookie.contains("session may have expired"), noCookie);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow().split(";", 2)[0];
    }

    private List<String> sealedTokens() throws java.sql.SQLException {
        try (java.sql.Connection db = Postgres.connect(server.databaseUrl);
             java.sql.ResultSet rows = db.createStatement().executeQuery("SELECT sealed_tokens FROM idp_sessions")) {
            List<String> sealed = new java.util.ArrayList<>();
            while (rows.next()) {
                sealed.add(rows.getString(1));
            }
            return sealed;
        }
    }

    @Test
    void theProvidersTokensAreSealedAndSigningOutEndsTheSessionThereToo() throws Exception {
        nextLoginIs("alice", Map.of("email", "alice@corp.example", "realm_access", Map.of("roles", List.of("staff"))));
        HttpResponse<String> landed = login(url -> url);
        String token = token(landed);

        List<String> sealed = sealedTokens();
        assertEquals(1, sealed.size());
        // a JWT in clear is "eyJ..." followed by a dot; the sealed base64url has no dot past "v1." (a bare "eyJ" in
        // random base64url turns up about once in a hundred runs)
        assertTrue(sealed.get(0).startsWith("v1.") && !java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]*\\.")
                .matcher(sealed.get(0)).find(), "no JWT in clear");

        Client.Answer signedOut = server.client.post("/api/v1/auths/signout", Map.of(), "Cookie",
                "token=" + token + "; " + cookie(landed, "oauth_session_id"), "Origin", base());
        String logout = (String) signedOut.field("redirect_url");
        assertTrue(logout.startsWith(provider.endSessionEndpointUrl("corp").toString()), logout);
        assertTrue(logout.contains("id_token_hint=eyJ"), logout);
        assertEquals(List.of(), sealedTokens());
        assertEquals(401, server.client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status);
    }

    @Test
    void aBackChannelLogoutFromTheProviderEndsTheUsersSessionsOnceAndForAll() throws Exception {
        nextLoginIs("dave", Map.of("email", "dave@corp.example", "realm_access", Map.of("roles", List.of("staff"))));
        String token = token(login(url -> url));
        String logoutToken = provider.issueToken("corp", CLIENT_ID, new DefaultOAuth2TokenCallback("corp", "dave",
                "logout+jwt", List.of(CLIENT_ID), Map.of("events",
                Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()), "jti", "jti-dave"), 120))
                .serialize();

        HttpResponse<String> accepted = browser.postForm(base() + "/oauth/backchannel-logout", "logout_token=" + logoutToken);
        HttpResponse<String> replayed = browser.postForm(base() + "/oauth/backchannel-logout", "logout_token=" + logoutToken);
        HttpResponse<String> garbage = browser.postForm(base() + "/oauth/backchannel-logout", "logout_token=not-a-jwt");

        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("{}", accepted.body());
        assertEquals("no-store", accepted.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(401, server.client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status,
                "revoked in the database, without Redis");
        assertEquals(List.of(), sealedTokens());
        assertEquals(400, replayed.statusCode());
        assertTrue(replayed.body().contains("replayed"), replayed.body());
        assertEquals(400, garbage.statusCode());
        assertTrue(garbage.body().contains("invalid_request"), garbage.body());
    }

    @Test
    void anAccessTokenOfTheProviderIsExchangedForASessionOfTheLinkedAccountOnly() {
        nextLoginIs("erin", Map.of("email", "erin@corp.example", "realm_access", Map.of("roles", List.of("staff"))));
        Map<?, ?> erin = me(token(login(url -> url)));
        String erinsAccessToken = provider.issueToken("corp", CLIENT_ID, new DefaultOAuth2TokenCallback("corp", "erin",
                "JWT", List.of(CLIENT_ID), Map.of("email", "erin@corp.example"), 300)).serialize();
        String strangersAccessToken = provider.issueToken("corp", CLIENT_ID, new DefaultOAuth2TokenCallback("corp",
                "frank", "JWT", List.of(CLIENT_ID), Map.of("email", "frank@corp.example"), 300)).serialize();

        Client.Answer exchanged = server.client.post("/api/v1/auths/oauth/oidc/token/exchange",
                Map.of("token", erinsAccessToken));
        Client.Answer stranger = server.client.post("/api/v1/auths/oauth/oidc/token/exchange",
                Map.of("token", strangersAccessToken));
        Client.Answer forged = server.client.post("/api/v1/auths/oauth/oidc/token/exchange", Map.of("token", "forged"));
        Client.Answer unknown = server.client.post("/api/v1/auths/oauth/nope/token/exchange", Map.of("token", "x"));

        assertEquals(200, exchanged.status, exchanged.body);
        assertEquals(erin.get("id"), exchanged.field("id"));
        assertTrue(exchanged.raw.headers().allValues("Set-Cookie").isEmpty(), "no cookie for an API client");
        assertEquals(403, stranger.status);
        assertEquals("User not found. Please sign in via the web interface first.", stranger.detail());
        assertEquals(400, forged.status);
        assertEquals("Invalid token or unable to validate with provider", forged.detail());
        assertEquals(404, unknown.status);
        assertEquals("Provider 'nope' is not configured", unknown.detail());
    }

    @Test
    void theProvidersPictureIsFetchedOnceAndKeptAsADataUri() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        com.sun.net.httpserver.HttpServer pictures = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        pictures.createContext("/grace.png", exchange -> {
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        pictures.start();
        try {
            nextLoginIs("grace", Map.of("email", "grace@corp.example", "realm_access", Map.of("roles",
                    List.of("staff")), "picture", "http://127.0.0.1:" + pictures.getAddress().getPort() + "/grace.png"));

            Map<?, ?> grace = me(token(login(url -> url)));

            assertEquals("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png),
                    grace.get("profile_image_url"));
        } finally {
            pictures.stop(0);
        }
    }
}
