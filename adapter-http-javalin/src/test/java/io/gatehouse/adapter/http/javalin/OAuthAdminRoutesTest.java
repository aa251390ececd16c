package io.gatehouse.adapter.http.javalin;

import io.gatehouse.domain.oauth.OAuthSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET|POST /api/v1/auths/admin/config/oauth} (Open WebUI §10.4) over HTTP. */
class OAuthAdminRoutesTest {

    private static final String PATH = "/api/v1/auths/admin/config/oauth";
    private static final String SECRET = "s3cret-never-shown";
    private static final Set<String> FIELDS = Set.of("ENABLE_OAUTH", "ENABLE_OAUTH_SIGNUP",
            "OAUTH_MERGE_ACCOUNTS_BY_EMAIL", "OAUTH_AUTO_REDIRECT", "OAUTH_ALLOWED_DOMAINS", "OAUTH_BLOCKED_GROUPS",
            "ENABLE_OAUTH_ROLE_MANAGEMENT", "OAUTH_ROLES_CLAIM", "OAUTH_ADMIN_ROLES", "OAUTH_ALLOWED_ROLES",
            "ENABLE_OAUTH_GROUP_MANAGEMENT", "ENABLE_OAUTH_GROUP_CREATION", "OAUTH_GROUP_CLAIM",
            "OAUTH_GROUP_DEFAULT_SHARE", "OAUTH_PROVIDER_NAME", "OPENID_PROVIDER_URL", "OAUTH_CLIENT_ID",
            "OPENID_REDIRECT_URI", "OAUTH_SCOPES", "OAUTH_CODE_CHALLENGE_METHOD", "OAUTH_TOKEN_ENDPOINT_AUTH_METHOD",
            "OPENID_END_SESSION_ENDPOINT", "OAUTH_TIMEOUT", "OAUTH_CLIENT_TIMEOUT", "OAUTH_EMAIL_CLAIM",
            "OAUTH_USERNAME_CLAIM", "OAUTH_PICTURE_CLAIM", "OAUTH_SUB_CLAIM", "OAUTH_AUDIENCE",
            "OAUTH_UPDATE_EMAIL_ON_LOGIN", "OAUTH_UPDATE_NAME_ON_LOGIN", "OAUTH_UPDATE_PICTURE_ON_LOGIN",
            "OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE");

    private TestServer server;
    private String admin;

    @BeforeEach
    void start() {
        server = TestServer.start();
        admin = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "Root", "email", "root@example.org", "password", "correct horse")).field("token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer.Response asAdmin(String method, Object body) {
        return server.send(method, PATH, body, "Authorization", "Bearer " + admin);
    }

    private OAuthSettings inForce() {
        return server.gatehouse.settings.current().oauth();
    }

    @Test
    void onlyAnAdminReadsOrChangesThem() {
        assertEquals(200, server.send("POST", "/api/v1/auths/add", Map.of("name", "Ann", "email", "ann@example.org",
                "password", "correct horse", "role", "user"), "Authorization", "Bearer " + admin).status);
        String user = (String) server.post("/api/v1/auths/signin",
                Map.of("email", "ann@example.org", "password", "correct horse")).field("token");
        OAuthSettings before = inForce();

        assertEquals(401, server.get(PATH).status);
        assertEquals(401, server.post(PATH, Map.of("ENABLE_OAUTH_SIGNUP", true)).status);
        assertEquals(403, server.send("GET", PATH, null, "Authorization", "Bearer " + user).status);
        assertEquals(403, server.send("POST", PATH, Map.of("ENABLE_OAUTH_SIGNUP", true),
                "Authorization", "Bearer " + user).status);
        assertEquals(before, inForce());
    }

    @Test
    void everyFieldIsShownUnderItsOpenWebUiNameButTheSecret() {
        Map<String, Object> form = asAdmin("GET", null).object();

        assertEquals(FIELDS, form.keySet());
        assertEquals("*", form.get("OAUTH_ALLOWED_DOMAINS"));
        assertEquals("[]", form.get("OAUTH_BLOCKED_GROUPS"));
        assertEquals(true, form.get("OAUTH_GROUP_DEFAULT_SHARE"));
        assertEquals("SSO", form.get("OAUTH_PROVIDER_NAME"));
        assertEquals("openid email profile", form.get("OAUTH_SCOPES"));
    }

    @Test
    void onlyTheFieldsGivenChangeListsAreTextsOnTheWireAndTheSecretIsWriteOnly() {
        Map<String, Object> form = new HashMap<>();
        form.put("ENABLE_OAUTH_SIGNUP", true);
        form.put("OAUTH_ALLOWED_DOMAINS", "example.org, example.com");
        form.put("OAUTH_ADMIN_ROLES", "ops,root");
        form.put("OAUTH_BLOCKED_GROUPS", "[\"admins\", \"temp-*\"]");
        form.put("OAUTH_GROUP_DEFAULT_SHARE", "members");
        form.put("OPENID_PROVIDER_URL", "https://sso.example.org/.well-known/openid-configuration");
        form.put("OAUTH_CLIENT_ID", "gatehouse");
        form.put("OAUTH_CLIENT_SECRET", SECRET);
        form.put("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_post");
        form.put("OAUTH_TIMEOUT", "20");
        form.put("OAUTH_MERGE_ACCOUNTS_BY_EMAIL", null);

        TestServer.Response saved = asAdmin("POST", form);

        assertEquals(200, saved.status, saved.body);
        assertFalse(saved.body.contains(SECRET), saved.body);
        assertEquals(FIELDS, saved.object().keySet());
        assertEquals("example.org,example.com", saved.field("OAUTH_ALLOWED_DOMAINS"));
        assertEquals("[\"admins\",\"temp-*\"]", saved.field("OAUTH_BLOCKED_GROUPS"));
        assertEquals("members", saved.field("OAUTH_GROUP_DEFAULT_SHARE"));
        assertEquals(20, saved.field("OAUTH_TIMEOUT"));
        assertEquals(false, saved.field("OAUTH_MERGE_ACCOUNTS_BY_EMAIL"), "null leaves it as it was");
        assertEquals("name", saved.field("OAUTH_USERNAME_CLAIM"), "fields left out keep their values");
        assertEquals(List.of("example.org", "example.com"), inForce().policy().allowedDomains());
        assertEquals(List.of("ops", "root"), inForce().policy().roles().adminRoles());
        assertEquals(Optional.of(SECRET), inForce().openId().clientSecret());
        assertFalse(asAdmin("GET", null).body.contains(SECRET));
        assertFalse(inForce().toString().contains(SECRET));

        assertEquals(200, asAdmin("POST", Map.of("OAUTH_CLIENT_SECRET", "", "OAUTH_SCOPES", "openid email")).status);
        assertEquals(200, asAdmin("POST", new HashMap<>(Map.of("OAUTH_PROVIDER_NAME", "Corp SSO"))).status);
        assertEquals(Optional.of(SECRET), inForce().openId().clientSecret(), "a blank secret keeps the stored one");
        assertEquals("Corp SSO", inForce().openId().providerName());
        assertEquals("openid email", inForce().openId().scopes());
    }

    @Test
    void badValuesAreRefusedClearlyAndChangeNothing() {
        OAuthSettings before = inForce();
        List<Map<String, Object>> bad = List.of(
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_CODE_CHALLENGE_METHOD", "plain"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OPENID_PROVIDER_URL", "file:///etc/passwd"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OPENID_REDIRECT_URI", "javascript:alert(1)"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_BLOCKED_GROUPS", "[\"admins\""),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_BLOCKED_GROUPS", "{\"admins\": 1}"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_TIMEOUT", "soon"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_TIMEOUT", 0),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_CLIENT_TIMEOUT", -5),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_GROUP_DEFAULT_SHARE", "sometimes"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_ROLES_CLAIM", " "),
                Map.of("ENABLE_OAUTH_SIGNUP", "yes"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_post",
                        "OAUTH_CLIENT_ID", "gatehouse"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_TOKEN_ENDPOINT_AUTH_METHOD", "private_key_jwt"),
                Map.of("ENABLE_OAUTH_SIGNUP", true, "OAUTH_PROVIDER_NAME", ""));

        for (Map<String, Object> form : bad) {
            TestServer.Response refused = asAdmin("POST", form);
            assertTrue(refused.status == 400 || refused.status == 422, form + " -> " + refused.status);
            assertTrue(refused.object().containsKey("detail"), refused.body);
        }
        TestServer.Response challenge = asAdmin("POST", Map.of("OAUTH_CODE_CHALLENGE_METHOD", "plain"));
        TestServer.Response notAnObject = asAdmin("POST", List.of("ENABLE_OAUTH_SIGNUP"));

        assertEquals(400, challenge.status);
        assertTrue(challenge.detail().startsWith("OAUTH_CODE_CHALLENGE_METHOD accepts only S256"), challenge.detail());
        assertEquals(422, notAnObject.status);
        assertTrue(asAdmin("POST", Map.of("OAUTH_TIMEOUT", "soon")).body.contains("OAUTH_TIMEOUT"));
        assertEquals(before, inForce());
    }

    @Test
    void autoRedirectReachesTheLoginPagesBootstrap() {
        assertEquals(false, ((Map<?, ?>) server.get("/api/config").field("oauth")).get("auto_redirect"));

        assertEquals(200, asAdmin("POST", Map.of("OAUTH_AUTO_REDIRECT", true)).status);

        Map<?, ?> oauth = (Map<?, ?>) server.get("/api/config").field("oauth");
        assertEquals(true, oauth.get("auto_redirect"));
        assertEquals(Map.of("oidc", "Test IdP"), oauth.get("providers"));
    }
}
