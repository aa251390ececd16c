package io.gatehouse.it.e2e;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password accounts through the standalone server on a random port, against PostgreSQL. */
class PasswordAccountsEndToEndTest {

    private static final String INVALID_CRED = "The email or password provided is incorrect. Please check for typos and try logging in again.";
    private static final String EMAIL_TAKEN = "Uh-oh! This email is already registered. Sign in with your existing account or choose another email to start anew.";

    private E2eServer server = E2eServer.start();
    private Client client = server.client;

    private void restart() {
        server.close();
        server = server.again();
        client = server.client;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> signup(String email) {
        return Map.of("name", email.substring(0, email.indexOf('@')), "email", email, "password", "correct horse");
    }

    private String adminToken() {
        Client.Answer answer = client.post("/api/v1/auths/signup", signup("root@example.org"));
        assertEquals(200, answer.status, answer.body);
        return (String) answer.field("token");
    }

    @Test
    void signUpSignInSessionPasswordChangeSignOut() {
        Client.Answer signup = client.post("/api/v1/auths/signup", signup("ada@example.org"));
        assertEquals("admin", signup.field("role"));

        Client.Answer signin = client.post("/api/v1/auths/signin", Map.of("email", "ada@example.org", "password", "correct horse"));
        assertEquals(200, signin.status, signin.body);
        String token = (String) signin.field("token");
        assertTrue(signin.raw.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("token=" + token) && c.contains("HttpOnly")));

        assertEquals("ada@example.org", client.get("/api/v1/auths/", "Authorization", "Bearer " + token).field("email"));

        Client.Answer changed = client.post("/api/v1/auths/update/password",
                Map.of("password", "correct horse", "new_password", "battery staple"), "Authorization", "Bearer " + token);
        assertEquals(200, changed.status, changed.body);
        String fresh = client.post("/api/v1/auths/signin", Map.of("email", "ada@example.org", "password", "battery staple")).field("token").toString();

        assertEquals(200, client.post("/api/v1/auths/signout", null, "Authorization", "Bearer " + fresh).status);

        Client.Answer refused = client.get("/api/v1/auths/", "Authorization", "Bearer " + fresh);
        assertEquals(401, refused.status);
        assertEquals("Invalid token", refused.detail());
        assertEquals(401, client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status, "revoked by the password change");
    }

    @Test
    void revocationsAreDurableAcrossARestart() {
        String token = adminToken();
        String other = (String) client.post("/api/v1/auths/signin", Map.of("email", "root@example.org", "password", "correct horse")).field("token");
        client.post("/api/v1/auths/signout", null, "Authorization", "Bearer " + token);

        restart();

        assertEquals(401, client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status);
        assertEquals(200, client.get("/api/v1/auths/", "Authorization", "Bearer " + other).status);
    }

    @Test
    void fiftyConcurrentFirstSignUpsMakeExactlyOneAdmin() throws Exception {
        List<Callable<Client.Answer>> signups = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "racer" + i + "@example.org";
            signups.add(() -> client.post("/api/v1/auths/signup", signup(email)));
        }

        List<Client.Answer> answers = runTogether(signups);

        List<Object> roles = answers.stream().filter(a -> a.status == 200).map(a -> a.field("role")).collect(Collectors.toList());
        assertEquals(1, roles.stream().filter("admin"::equals).count(), roles.toString());
        assertTrue(answers.stream().allMatch(a -> a.status == 200 || a.status == 403), answers.toString());
    }

    @Test
    void fiftyConcurrentSignUpsWithOneE_mailMakeOneAccount() throws Exception {
        String admin = adminToken();
        client.post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true), "Authorization", "Bearer " + admin);
        List<Client.Answer> answers = runTogether(50, () -> client.post("/api/v1/auths/signup", signup("same@example.org")));

        assertEquals(1, answers.stream().filter(a -> a.status == 200).count(), answers.toString());
        assertEquals(49, answers.stream().filter(a -> a.status == 400 && EMAIL_TAKEN.equals(a.detail())).count());
        assertEquals(2L, ((Number) client.get("/api/v1/users/", "Authorization", "Bearer " + admin).field("total")).longValue());
    }

    @Test
    void anUnknownE_mailAnswersExactlyAsAWrongPassword() {
        adminToken();

        Client.Answer wrong = client.post("/api/v1/auths/signin", Map.of("email", "root@example.org", "password", "not it at all"));
        Client.Answer unknown = client.post("/api/v1/auths/signin", Map.of("email", "nobody@example.org", "password", "not it at all"));

        assertEquals(400, wrong.status);
        assertEquals(INVALID_CRED, wrong.detail());
        assertEquals(wrong.status, unknown.status);
        assertEquals(wrong.body, unknown.body);
        assertEquals(headersBut(wrong, "date"), headersBut(unknown, "date"));
    }

    private static Map<String, List<String>> headersBut(Client.Answer answer, String ignored) {
        Map<String, List<String>> headers = new HashMap<>(answer.raw.headers().map());
        headers.remove(ignored);
        return headers;
    }

    @Test
    void aBcryptHashMadeByAnotherImplementationSignsIn() throws Exception {
        adminToken();
        String openWebUiHash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "imported password".toCharArray());
        try (Connection db = Postgres.connect(server.databaseUrl);
             PreparedStatement update = db.prepareStatement(
                     "UPDATE credentials SET password_hash = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)")) {
            update.setString(1, openWebUiHash);
            update.setString(2, "root@example.org");
            assertEquals(1, update.executeUpdate());
        }

        assertTrue(openWebUiHash.startsWith("$2b$"));
        assertEquals(200, client.post("/api/v1/auths/signin", Map.of("email", "root@example.org", "password", "imported password")).status);
        assertEquals(400, client.post("/api/v1/auths/signin", Map.of("email", "root@example.org", "password", "correct horse")).status);
    }

    @Test
    void forgedTokensAreRefused() {
        String token = adminToken();
        String id = (String) client.get("/api/v1/auths/", "Authorization", "Bearer " + token).field("id");
        Instant now = Instant.now();

        String otherKey = JWT.create().withClaim("id", id).withJWTId(UUID.randomUUID().toString()).withIssuedAt(now)
                .withClaim("typ", "session").withClaim("ver", 0).sign(Algorithm.HMAC256("another-key-0123456789abcdef0123456789"));
        String expired = JWT.create().withClaim("id", id).withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now.minusSeconds(7200)).withExpiresAt(now.minusSeconds(3600))
                .withClaim("typ", "session").withClaim("ver", 0).sign(Algorithm.HMAC256(E2eServer.KEY));
        String otherType = JWT.create().withClaim("id", id).withJWTId(UUID.randomUUID().toString()).withIssuedAt(now)
                .withClaim("typ", "refresh").withClaim("ver", 0).sign(Algorithm.HMAC256(E2eServer.KEY));
        String otherAlgorithm = JWT.create().withClaim("id", id).withJWTId(UUID.randomUUID().toString()).withIssuedAt(now)
                .withClaim("typ", "session").withClaim("ver", 0).sign(Algorithm.HMAC512(E2eServer.KEY));
        String[] parts = token.split("\\.");
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + base64(payload.replace(id, UUID.randomUUID().toString())) + "." + parts[2];

        for (String forged : List.of(otherKey, expired, otherType, otherAlgorithm, unsigned, tampered)) {
            Client.Answer answer = client.get("/api/v1/auths/", "Authorization", "Bearer " + forged);
            assertEquals(401, answer.status, forged);
        }
        assertTrue(payload.contains(id), "the tampered payload really changed the user id");
        assertEquals(200, client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status);
    }

    @Test
    void aNulCharacterThatPostgresqlWouldRefuseIsA422NotAServerError() {
        String admin = adminToken();

        Client.Answer signup = client.post("/api/v1/auths/signup",
                Map.of("name", "Eve\u0000", "email", "eve@example.org", "password", "correct horse"));
        Client.Answer profile = client.post("/api/v1/auths/update/profile",
                Map.of("name", "Root", "profile_image_url", "/user.png", "bio", "a\u0000b"), "Authorization", "Bearer " + admin);
        Client.Answer search = client.get("/api/v1/users/?query=a%00b", "Authorization", "Bearer " + admin);
        Client.Answer userPath = client.post("/api/v1/users/a%00b/update", Map.of("name", "X"), "Authorization", "Bearer " + admin);
        Client.Answer groupPath = client.get("/api/v1/groups/id/a%00b", "Authorization", "Bearer " + admin);

        assertEquals(422, signup.status, signup.body);
        assertEquals(422, profile.status, profile.body);
        assertEquals(422, search.status, search.body);
        assertTrue(userPath.status == 404 || userPath.status == 400, userPath.toString());
        assertTrue(groupPath.status == 404 || groupPath.status == 400, groupPath.toString());
        assertEquals(1L, ((Number) client.get("/api/v1/users/", "Authorization", "Bearer " + admin).field("total")).longValue());
    }

    @Test
    void anAdminSettingIsStoredAndSurvivesARestart() {
        String admin = adminToken();
        client.post("/api/v1/auths/admin/config", Map.of("DEFAULT_USER_ROLE", "user", "JWT_EXPIRES_IN", "1h"),
                "Authorization", "Bearer " + admin);

        restart();

        Client.Answer config = client.get("/api/v1/auths/admin/config", "Authorization", "Bearer " + admin);
        assertEquals("user", config.field("DEFAULT_USER_ROLE"));
        assertEquals("1h", config.field("JWT_EXPIRES_IN"));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
