package io.gatehouse.adapter.http.javalin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRoutesTest {

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

    private TestServer.Response asAdmin(String method, String path, Object body) {
        return server.send(method, path, body, "Authorization", "Bearer " + admin);
    }

    private String addUser(String email, String role) {
        TestServer.Response added = asAdmin("POST", "/api/v1/auths/add",
                Map.of("name", "N", "email", email, "password", "correct horse", "role", role));
        assertEquals(200, added.status, added.body);
        return (String) added.field("id");
    }

    @Test
    void addUserValidatesTheRoleAndNeverReturnsAToken() {
        TestServer.Response invalid = asAdmin("POST", "/api/v1/auths/add",
                Map.of("name", "N", "email", "x@example.org", "password", "correct horse", "role", "superuser"));
        assertEquals(422, invalid.status, "Open WebUI stores any role string; we refuse it");
        assertEquals(1, server.gatehouse.users.count());

        TestServer.Response added = asAdmin("POST", "/api/v1/auths/add",
                Map.of("name", "N", "email", "x@example.org", "password", "correct horse", "role", "user"));
        assertEquals("user", added.field("role"));
        assertFalse(added.object().containsKey("token"), added.body);
    }

    @Test
    void theConfigurationRoundTripsAndAppliesWithoutARestart() {
        Map<String, Object> config = asAdmin("GET", "/api/v1/auths/admin/config", null).object();
        assertEquals(false, config.get("ENABLE_SIGNUP"), "the first admin closed sign-up");
        assertEquals("pending", config.get("DEFAULT_USER_ROLE"));
        assertEquals("4w", config.get("JWT_EXPIRES_IN"));
        assertEquals(true, config.get("ENABLE_NOTES"));

        TestServer.Response saved = asAdmin("POST", "/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true,
                "DEFAULT_USER_ROLE", "user", "JWT_EXPIRES_IN", "2h", "ENABLE_NOTES", false, "FOLDER_MAX_FILE_COUNT", 0));
        assertEquals(200, saved.status, saved.body);
        assertEquals("2h", saved.field("JWT_EXPIRES_IN"));
        assertEquals(false, saved.field("ENABLE_NOTES"));
        assertEquals("", saved.field("FOLDER_MAX_FILE_COUNT"));

        TestServer.Response signup = server.post("/api/v1/auths/signup",
                Map.of("name", "New", "email", "new@example.org", "password", "correct horse"));
        assertEquals(200, signup.status, signup.body);
        assertEquals("user", signup.field("role"));
        assertEquals(server.gatehouse.clock.instant().getEpochSecond() + 7200, ((Number) signup.field("expires_at")).longValue());
    }

    @Test
    void invalidConfigurationValuesAreRefusedTogetherAndChangeNothing() {
        TestServer.Response refused = asAdmin("POST", "/api/v1/auths/admin/config", Map.of("DEFAULT_USER_ROLE", "owner",
                "JWT_EXPIRES_IN", "1h30m", "ENABLE_SIGNUP", "yes", "ADMIN_EMAIL", "not-an-email", "WEBUI_URL", "ftp://x"));

        assertEquals(422, refused.status);
        assertEquals(5, ((List<?>) refused.field("detail")).size(), refused.body);
        assertEquals("pending", asAdmin("GET", "/api/v1/auths/admin/config", null).field("DEFAULT_USER_ROLE"));
    }

    @Test
    void usersAreListedUpdatedAndDeleted() {
        String bob = addUser("bob@example.org", "pending");
        addUser("carol@example.org", "user");

        TestServer.Response list = asAdmin("GET", "/api/v1/users/?order_by=email&direction=asc", null);
        assertEquals(3L, ((Number) list.field("total")).longValue());
        assertEquals("bob@example.org", ((Map<?, ?>) ((List<?>) list.field("users")).get(0)).get("email"));

        TestServer.Response updated = asAdmin("POST", "/api/v1/users/" + bob + "/update", Map.of("role", "user", "name", "Bob"));
        assertEquals(200, updated.status, updated.body);
        assertEquals("user", updated.field("role"));
        assertEquals("Bob", updated.field("name"));
        assertEquals("bob@example.org", updated.field("email"), "fields not given stay");

        assertEquals(400, asAdmin("POST", "/api/v1/users/" + bob + "/update", Map.of("email", "carol@example.org")).status);
        assertEquals(true, asAdmin("DELETE", "/api/v1/users/" + bob, null).json());
        assertEquals(2L, ((Number) asAdmin("GET", "/api/v1/users/", null).field("total")).longValue());
    }

    @Test
    void anAdminsPasswordResetRevokesTheUsersSessions() {
        String bob = addUser("bob@example.org", "user");
        String bobToken = (String) server.post("/api/v1/auths/signin",
                Map.of("email", "bob@example.org", "password", "correct horse")).field("token");

        asAdmin("POST", "/api/v1/users/" + bob + "/update", Map.of("password", "brand new secret"));

        assertEquals(401, server.get("/api/v1/auths/", "Authorization", "Bearer " + bobToken).status);
        assertEquals(200, server.post("/api/v1/auths/signin",
                Map.of("email", "bob@example.org", "password", "brand new secret")).status);
    }

    @Test
    void defaultPermissionsApplyToTheNextRequest() {
        addUser("bob@example.org", "user");
        String bobToken = (String) server.post("/api/v1/auths/signin",
                Map.of("email", "bob@example.org", "password", "correct horse")).field("token");
        assertEquals(false, features(server.get("/api/v1/users/permissions", "Authorization", "Bearer " + bobToken)).get("api_keys"));

        TestServer.Response stored = asAdmin("POST", "/api/v1/users/default/permissions",
                Map.of("features", Map.of("api_keys", true)));
        assertEquals(200, stored.status, stored.body);
        assertEquals(true, ((Map<?, ?>) stored.field("chat")).get("controls"), "switches not given keep their defaults");

        assertEquals(true, features(server.get("/api/v1/users/permissions", "Authorization", "Bearer " + bobToken)).get("api_keys"));
        assertEquals(true, features(asAdmin("GET", "/api/v1/users/default/permissions", null)).get("api_keys"));
        assertEquals(422, asAdmin("POST", "/api/v1/users/default/permissions", Map.of("chat", "everything")).status);
    }

    private static Map<?, ?> features(TestServer.Response permissions) {
        assertEquals(200, permissions.status, permissions.body);
        return (Map<?, ?>) permissions.field("features");
    }

    @Test
    void theConfigurationTellsTheFrontEndWhatToOffer() {
        Map<String, Object> anonymous = server.get("/api/config").object();
        assertFalse(anonymous.containsKey("onboarding"), "an account exists");
        assertFalse(anonymous.containsKey("permissions"));
        Map<?, ?> features = (Map<?, ?>) anonymous.get("features");
        assertEquals(true, features.get("auth"));
        assertEquals(false, features.get("enable_signup"));

        Map<String, Object> signedIn = server.get("/api/config", "Authorization", "Bearer " + admin).object();
        assertTrue(signedIn.containsKey("permissions"));
    }

    @Test
    void aFreshInstanceOffersOnboarding() {
        server.close();
        server = TestServer.start();

        assertEquals(true, server.get("/api/config").field("onboarding"));
    }
}
