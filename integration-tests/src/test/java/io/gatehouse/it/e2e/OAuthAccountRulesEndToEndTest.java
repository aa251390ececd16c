package io.gatehouse.it.e2e;

import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account rules of a single sign-on (Open WebUI §7.4–§7.7) through the standalone server's routes, against one
 * mock-oauth2-server: allowed domains, roles from flat and text claims, group sync with every kind of blocked pattern
 * and hand-made memberships, profile sync on and off, the {@code oauth_id_token} cookie, a replayed callback, and
 * token exchange for trusted clients only. One server holds the rules; each test signs in its own users.
 */
class OAuthAccountRulesEndToEndTest {

    private static final String CLIENT_ID = "gatehouse";
    private static final byte[] FIRST_PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1};
    private static final byte[] SECOND_PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 2};

    private static MockOAuth2Server provider;
    private static HttpServer pictures;
    private static E2eServer server;
    private static String admin;
    private final Browser browser = new Browser();

    @BeforeAll
    static void start() throws IOException {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        pictures = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/first.png", FIRST_PICTURE);
        serve("/second.png", SECOND_PICTURE);
        pictures.start();
        server = E2eServer.start(rules("OAUTH_UPDATE_NAME_ON_LOGIN", "true", "OAUTH_UPDATE_EMAIL_ON_LOGIN", "true",
                "OAUTH_UPDATE_PICTURE_ON_LOGIN", "true", "ENABLE_OAUTH_TOKEN_EXCHANGE", "true",
                "OAUTH_TOKEN_EXCHANGE_TRUSTED_CLIENT_IDS", "mobile-app,desktop-app"));
        server.client.post("/api/v1/auths/signup", Map.of("name", "Root", "email", "root@corp.example",
                "password", "correct horse"));
        admin = (String) server.client.post("/api/v1/auths/signin", Map.of("email", "root@corp.example",
                "password", "correct horse")).field("token");
    }

    /** The environment of the rules, with more variables after them. */
    private static String[] rules(String... more) {
        List<String> env = new java.util.ArrayList<>(List.of("OAUTH_CLIENT_ID", CLIENT_ID,
                "OAUTH_CLIENT_SECRET", "secret", "OPENID_PROVIDER_URL", provider.wellKnownUrl("corp").toString(),
                "ENABLE_OAUTH_SIGNUP", "true", "OAUTH_ALLOWED_DOMAINS", "corp.example,corp.example.org",
                "ENABLE_OAUTH_ROLE_MANAGEMENT", "true", "OAUTH_ROLES_CLAIM", "realm_access.roles",
                "OAUTH_ALLOWED_ROLES", "staff", "OAUTH_ADMIN_ROLES", "ops",
                "ENABLE_OAUTH_GROUP_MANAGEMENT", "true", "ENABLE_OAUTH_GROUP_CREATION", "true",
                "OAUTH_BLOCKED_GROUPS", "[\"admins\", \"temp-*\", \"^sec-\", \"lab-[*\"]",
                "OAUTH_PICTURE_ALLOW_PRIVATE_ADDRESSES", "true"));
        env.addAll(List.of(more));
        return env.toArray(new String[0]);
    }

    private static void serve(String path, byte[] png) {
        pictures.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        pictures.stop(0);
        provider.shutdown();
    }

    private static void nextLoginIs(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
    }

    /** Claims of a staff member with that e-mail, and more. */
    private static Map<String, Object> staff(String email, Object... more) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("email", email,
                "realm_access", Map.of("roles", List.of("staff"))));
        for (int i = 0; i < more.length; i += 2) {
            claims.put((String) more[i], more[i + 1]);
        }
        return claims;
    }

    private static String base(E2eServer through) {
        return "http://127.0.0.1:" + through.client.port();
    }

    private HttpResponse<String> login(E2eServer through) {
        return browser.signIn(base(through), "oidc", url -> url);
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

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: "
                        + response.headers().allValues("Set-Cookie")));
    }

    private static String token(HttpResponse<String> response) {
        assertTrue(landing(response).endsWith("/auth"), landing(response));
        return cookie(response, "token").split(";", 2)[0].substring("token=".length());
    }

    private static Map<?, ?> me(E2eServer through, String token) {
        return (Map<?, ?>) through.client.get("/api/v1/auths/", "Authorization", "Bearer " + token).json();
    }

    private static Set<String> groupsOf(String token) {
        return ((List<?>) server.client.get("/api/v1/groups/", "Authorization", "Bearer " + token).json()).stream()
                .map(group -> (String) ((Map<?, ?>) group).get("name")).collect(Collectors.toSet());
    }

    private static String png(byte[] bytes) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static String pictureUrl(String path) {
        return "http://127.0.0.1:" + pictures.getAddress().getPort() + path;
    }

    @Test
    void onlyAllowedDomainsSignIn() {
        nextLoginIs("mallory", staff("mallory@elsewhere.example"));
        String refused = error(login(server));
        nextLoginIs("amy", staff("amy@corp.example.org"));
        Map<?, ?> amy = me(server, token(login(server)));

        assertEquals("The email or password provided is incorrect. Please check for typos and try logging in again.",
                refused);
        assertEquals("amy@corp.example.org", amy.get("email"));
    }

    @Test
    void rolesComeFromAFlatDottedClaimAndFromATextWithTheSeparator() {
        nextLoginIs("olga", Map.of("email", "olga@corp.example", "realm_access.roles", List.of("ops")));
        Map<?, ?> flat = me(server, token(login(server)));
        nextLoginIs("tom", Map.of("email", "tom@corp.example", "realm_access", Map.of("roles", "guest,staff")));
        Map<?, ?> text = me(server, token(login(server)));
        nextLoginIs("gus", Map.of("email", "gus@corp.example", "realm_access", Map.of("roles", "guest,visitor")));
        String refused = error(login(server));

        assertEquals("admin", flat.get("role"), "a claim literally named realm_access.roles");
        assertEquals("user", text.get("role"), "\"guest,staff\" split on the separator");
        assertEquals("You do not have permission to access this resource. Please contact your administrator for "
                + "assistance.", refused);
    }

    @Test
    void groupSyncLeavesBlockedGroupsAndHandMadeMembershipsAlone() {
        nextLoginIs("gina", staff("gina@corp.example", "groups", List.of("devs", "readers", "admins", "temp-1",
                "sec-ops", "lab-[1", "lab-1")));
        String gina = token(login(server));
        String ginaId = (String) me(server, gina).get("id");
        Set<String> created = groupsOf(admin);
        String handMade = (String) server.client.post("/api/v1/groups/create", Map.of("name", "hand-made",
                "description", "by an admin"), "Authorization", "Bearer " + admin).field("id");
        assertEquals(200, server.client.post("/api/v1/groups/id/" + handMade + "/users/add",
                Map.of("user_ids", List.of(ginaId)), "Authorization", "Bearer " + admin).status);
        Set<String> afterFirst = groupsOf(gina);

        nextLoginIs("gina", staff("gina@corp.example", "groups", List.of("devs")));
        Set<String> afterSecond = groupsOf(token(login(server)));

        assertTrue(created.containsAll(Set.of("devs", "readers", "lab-1")), created.toString());
        assertFalse(created.contains("admins"), "blocked by its exact name");
        assertFalse(created.contains("temp-1"), "blocked by the glob temp-*");
        assertFalse(created.contains("sec-ops"), "blocked by the regular expression ^sec-");
        assertFalse(created.contains("lab-[1"), "lab-[* is no regular expression, but a glob");
        assertEquals(Set.of("devs", "readers", "lab-1", "hand-made"), afterFirst);
        assertEquals(Set.of("devs", "hand-made"), afterSecond, "synced memberships follow, the admin's stays");
    }

    @Test
    void theProfileFollowsTheProviderAtEveryLoginOnlyWhenAskedTo() {
        nextLoginIs("paula", staff("paula@corp.example", "name", "Paula", "picture", pictureUrl("/first.png")));
        Map<?, ?> first = me(server, token(login(server)));
        nextLoginIs("paula", staff("paula.new@corp.example", "name", "Paula N", "picture",
                pictureUrl("/second.png")));
        Map<?, ?> second = me(server, token(login(server)));

        assertEquals(List.of("Paula", "paula@corp.example", png(FIRST_PICTURE)),
                List.of(first.get("name"), first.get("email"), first.get("profile_image_url")));
        assertEquals(List.of("Paula N", "paula.new@corp.example", png(SECOND_PICTURE)),
                List.of(second.get("name"), second.get("email"), second.get("profile_image_url")));
        assertEquals(first.get("id"), second.get("id"));

        try (E2eServer keeping = E2eServer.start(rules("ENABLE_OAUTH_ID_TOKEN_COOKIE", "false"))) {
            nextLoginIs("quinn", staff("quinn@corp.example", "name", "Quinn", "picture", pictureUrl("/first.png")));
            HttpResponse<String> firstLanding = login(keeping);
            Map<?, ?> kept = me(keeping, token(firstLanding));
            nextLoginIs("quinn", staff("quinn.new@corp.example", "name", "Quinn N", "picture",
                    pictureUrl("/second.png")));
            Map<?, ?> again = me(keeping, token(login(keeping)));

            assertEquals(kept.get("id"), again.get("id"));
            assertEquals(List.of("Quinn", "quinn@corp.example", png(FIRST_PICTURE)),
                    List.of(again.get("name"), again.get("email"), again.get("profile_image_url")));
            assertFalse(firstLanding.headers().allValues("Set-Cookie").stream()
                    .anyMatch(cookie -> cookie.startsWith("oauth_id_token=")), "ENABLE_OAUTH_ID_TOKEN_COOKIE=false");
        }
    }

    @Test
    void theIdTokenCookieIsSetAtTheCallbackAndDeletedAtSignOut() {
        nextLoginIs("ida", staff("ida@corp.example"));
        HttpResponse<String> landed = login(server);
        String token = token(landed);
        String idToken = cookie(landed, "oauth_id_token");

        Client.Answer signedOut = server.client.post("/api/v1/auths/signout", Map.of(), "Cookie",
                "token=" + token + "; " + idToken.split(";", 2)[0], "Origin", base(server));

        assertTrue(idToken.matches("oauth_id_token=eyJ[^;]+; Path=/; HttpOnly; SameSite=Lax; Expires=.*; Max-Age=\\d+"),
                idToken);
        assertEquals(200, signedOut.status, signedOut.body);
        assertTrue(signedOut.raw.headers().allValues("Set-Cookie").stream().anyMatch(cookie ->
                cookie.startsWith("oauth_id_token=;") && cookie.contains("Max-Age=0")));
    }

    @Test
    void aReplayedCallbackIsRefused() {
        nextLoginIs("rita", staff("rita@corp.example"));
        HttpResponse<String> start = browser.get(base(server) + "/oauth/oidc/login", null);
        String loginCookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String callback = landing(browser.get(landing(start), null));

        HttpResponse<String> first = browser.get(callback, loginCookie);
        HttpResponse<String> replayed = browser.get(callback, loginCookie);

        assertTrue(landing(first).endsWith("/auth"), landing(first));
        assertTrue(error(replayed).contains("session may have expired"), error(replayed));
        assertFalse(replayed.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("token=")));
    }

    @Test
    void onlyTokensIssuedToATrustedClientAreExchanged() {
        nextLoginIs("erin", staff("erin@corp.example"));
        Object erin = me(server, token(login(server))).get("id");
        String fromMobile = accessToken("erin", Map.of("client_id", "mobile-app"));
        String fromElsewhere = accessToken("erin", Map.of("client_id", "some-other-app"));
        String noClient = accessToken("erin", Map.of());

        Client.Answer exchanged = exchange(fromMobile);
        Client.Answer untrusted = exchange(fromElsewhere);
        Client.Answer unknown = exchange(noClient);

        assertEquals(200, exchanged.status, exchanged.body);
        assertEquals(erin, exchanged.field("id"));
        assertEquals(403, untrusted.status);
        assertEquals("You do not have permission to access this resource. Please contact your administrator for "
                + "assistance.", untrusted.detail());
        assertEquals(400, unknown.status);
        assertEquals("Unable to determine which client the token was issued to", unknown.detail());
    }

    private static String accessToken(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("email", subject + "@corp.example");
        return provider.issueToken("corp", "any", new DefaultOAuth2TokenCallback("corp", subject, "JWT",
                List.of(CLIENT_ID), all, 300)).serialize();
    }

    private static Client.Answer exchange(String accessToken) {
        return server.client.post("/api/v1/auths/oauth/oidc/token/exchange", Map.of("token", accessToken));
    }
}
