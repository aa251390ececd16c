package io.gatehouse.it.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Open WebUI error text (spec §1.Z) that the password-account routes can produce, word for word with its
 * status, and the cookie attributes: through the standalone server, against PostgreSQL.
 */
class ErrorMessagesEndToEndTest {

    static final String INVALID_CRED = "The email or password provided is incorrect. Please check for typos and try logging in again.";
    static final String EMAIL_TAKEN = "Uh-oh! This email is already registered. Sign in with your existing account or choose another email to start anew.";
    static final String INVALID_EMAIL_FORMAT = "The email format you entered is invalid. Please double-check and make sure you're using a valid email address (e.g., yourname@example.com).";
    static final String PASSWORD_TOO_LONG = "Uh-oh! The password you entered is too long. Please make sure your password is less than 72 bytes long.";
    static final String INCORRECT_PASSWORD = "The password provided is incorrect. Please check for typos and try again.";
    static final String INVALID_PASSWORD = "The password does not meet the required validation criteria.";
    static final String ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance.";
    static final String ACTION_PROHIBITED = "The requested action has been restricted as a security measure.";
    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";
    static final String EXISTING_USERS = "You can't turn off authentication because there are existing users. If you want to disable WEBUI_AUTH, make sure your web interface doesn't have any existing users and is a fresh installation.";
    static final String API_KEY_NOT_FOUND = "Oops! It looks like there's a hiccup. The API key is missing. Please make sure to provide a valid API key to access this feature.";
    static final String API_KEY_CREATION_NOT_ALLOWED = "API key creation is not allowed in the environment.";
    static final String API_KEY_NOT_ALLOWED = "Use of API key is not enabled in the environment.";
    static final String NOT_FOUND = "We could not find what you're looking for :/";
    static final String RATE_LIMIT_EXCEEDED = "API rate limit exceeded";

    private E2eServer server = E2eServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private Client client() {
        return server.client;
    }

    private void restartWith(String... environment) {
        server.close();
        server = server.again(environment);
    }

    private String signUp(String email) {
        Client.Answer answer = client().post("/api/v1/auths/signup", Map.of("name", "N", "email", email, "password", "correct horse"));
        assertEquals(200, answer.status, answer.body);
        return (String) answer.field("token");
    }

    private String signIn(String email, String password) {
        return (String) client().post("/api/v1/auths/signin", Map.of("email", email, "password", password)).field("token");
    }

    private String bearer(String token) {
        return "Bearer " + token;
    }

    private static void expect(int status, String detail, Client.Answer answer) {
        assertEquals(status, answer.status, answer.body);
        assertEquals(detail, answer.detail());
    }

    @Test
    void signUpAndSignInRefusals() {
        String admin = signUp("admin@example.org");
        expect(403, ACCESS_PROHIBITED, client().post("/api/v1/auths/signup",
                Map.of("name", "B", "email", "bob@example.org", "password", "correct horse")));

        client().post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true), "Authorization", bearer(admin));
        expect(400, EMAIL_TAKEN, client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "ADMIN@example.org", "password", "correct horse")));
        expect(400, INVALID_EMAIL_FORMAT, client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "not-an-email", "password", "correct horse")));
        expect(400, PASSWORD_TOO_LONG, client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "b@example.org", "password", "x".repeat(73))));
        expect(400, "The password is too short. Please use at least 8 characters.",
                client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "c@example.org", "password", "short")));
        expect(400, INVALID_CRED, client().post("/api/v1/auths/signin", Map.of("email", "admin@example.org", "password", "wrong one")));
        expect(400, INVALID_CRED, client().post("/api/v1/auths/signin", Map.of("email", "nobody@example.org", "password", "wrong one")));
    }

    @Test
    void theSixteenthAttemptIsRateLimited() {
        signUp("ann@example.org");
        for (int attempt = 1; attempt <= 15; attempt++) {
            assertEquals(400, client().post("/api/v1/auths/signin", Map.of("email", "ann@example.org", "password", "wrong one")).status);
        }

        Client.Answer limited = client().post("/api/v1/auths/signin", Map.of("email", "ann@example.org", "password", "correct horse"));

        expect(429, RATE_LIMIT_EXCEEDED, limited);
        assertTrue(Long.parseLong(limited.raw.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    void aPatternMismatchShowsTheHintOrOpenWebUisDefault() {
        restartWith("ENABLE_PASSWORD_VALIDATION", "true");
        expect(400, INVALID_PASSWORD, client().post("/api/v1/auths/signup",
                Map.of("name", "A", "email", "a@example.org", "password", "alllowercase")));

        restartWith("ENABLE_PASSWORD_VALIDATION", "true", "PASSWORD_VALIDATION_HINT", "Mix cases, a digit and a symbol.");
        expect(400, "Mix cases, a digit and a symbol.", client().post("/api/v1/auths/signup",
                Map.of("name", "A", "email", "a@example.org", "password", "alllowercase")));
    }

    @Test
    void passwordAuthenticationOffProhibitsSignInAndSignUp() {
        restartWith("ENABLE_PASSWORD_AUTH", "false");

        expect(403, ACTION_PROHIBITED, client().post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse")));
        expect(403, ACTION_PROHIBITED, client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "correct horse")));
    }

    @Test
    void singleUserModeOverExistingAccountsAnswersExistingUsers() {
        signUp("someone@example.org");

        restartWith("WEBUI_AUTH", "false");

        expect(400, EXISTING_USERS, client().post("/api/v1/auths/signin", Map.of("email", "x@example.org", "password", "whatever1")));
    }

    @Test
    void tokenRefusals() {
        expect(401, "Not authenticated", client().get("/api/v1/auths/"));
        expect(401, "401 Unauthorized", client().get("/api/v1/auths/", "Authorization", "Bearer not.a.token"));

        String admin = signUp("admin@example.org");
        String bobId = (String) client().post("/api/v1/auths/add", Map.of("name", "Bob", "email", "bob@example.org",
                "password", "correct horse", "role", "user"), "Authorization", bearer(admin)).field("id");
        String bob = signIn("bob@example.org", "correct horse");
        client().send("DELETE", "/api/v1/users/" + bobId, null, "Authorization", bearer(admin));
        expect(401, INVALID_TOKEN, client().get("/api/v1/auths/", "Authorization", bearer(bob)));

        client().post("/api/v1/auths/signout", null, "Authorization", bearer(admin));
        expect(401, "Invalid token", client().get("/api/v1/auths/", "Authorization", bearer(admin)));
        expect(401, "Invalid token", client().get("/api/config", "Authorization", bearer(admin)));
    }

    @Test
    void accountRefusals() {
        String admin = signUp("admin@example.org");
        expect(400, INCORRECT_PASSWORD, client().post("/api/v1/auths/update/password",
                Map.of("password", "not it at all", "new_password", "battery staple"), "Authorization", bearer(admin)));
        expect(400, PASSWORD_TOO_LONG, client().post("/api/v1/auths/update/password",
                Map.of("password", "correct horse", "new_password", "y".repeat(80)), "Authorization", bearer(admin)));

        client().post("/api/v1/auths/add", Map.of("name", "P", "email", "p@example.org", "password", "correct horse"),
                "Authorization", bearer(admin));
        String pending = signIn("p@example.org", "correct horse");
        expect(403, ACCESS_PROHIBITED, client().get("/api/v1/auths/admin/config", "Authorization", bearer(pending)));
        expect(403, ACCESS_PROHIBITED, client().post("/api/v1/auths/update/profile",
                Map.of("name", "P", "profile_image_url", "/user.png"), "Authorization", bearer(pending)));
        assertEquals(200, client().get("/api/v1/auths/", "Authorization", bearer(pending)).status, "pending users may read their session");

        client().post("/api/v1/auths/admin/config", Map.of("SHOW_ADMIN_DETAILS", false), "Authorization", bearer(admin));
        expect(400, ACTION_PROHIBITED, client().get("/api/v1/auths/admin/details", "Authorization", bearer(pending)));
    }

    @Test
    void apiKeyRefusals() {
        String admin = signUp("admin@example.org");
        expect(403, API_KEY_CREATION_NOT_ALLOWED, client().post("/api/v1/auths/api_key", null, "Authorization", bearer(admin)));

        client().post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS", true), "Authorization", bearer(admin));
        expect(404, API_KEY_NOT_FOUND, client().get("/api/v1/auths/api_key", "Authorization", bearer(admin)));
        String key = (String) client().post("/api/v1/auths/api_key", null, "Authorization", bearer(admin)).field("api_key");
        assertEquals(200, client().get("/api/v1/auths/", "x-api-key", key).status);

        client().post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS", false), "Authorization", bearer(admin));
        expect(403, API_KEY_NOT_ALLOWED, client().get("/api/v1/auths/", "Authorization", bearer(key)));
        expect(401, INVALID_TOKEN, client().get("/api/v1/auths/", "Authorization", "Bearer sk-0000000000000000000000000000000"));
    }

    @Test
    void adminRefusals() {
        String admin = signUp("admin@example.org");
        String adminId = (String) client().get("/api/v1/auths/", "Authorization", bearer(admin)).field("id");
        client().post("/api/v1/auths/add", Map.of("name", "Other", "email", "other@example.org", "password", "correct horse", "role", "admin"),
                "Authorization", bearer(admin));
        String other = signIn("other@example.org", "correct horse");

        expect(403, ACTION_PROHIBITED, client().post("/api/v1/users/" + adminId + "/update", Map.of("role", "user"), "Authorization", bearer(other)));
        expect(403, ACTION_PROHIBITED, client().send("DELETE", "/api/v1/users/" + adminId, null, "Authorization", bearer(admin)));
        expect(404, NOT_FOUND, client().post("/api/v1/users/no-such-user/update", Map.of("name", "X"), "Authorization", bearer(admin)));
        expect(404, NOT_FOUND, client().send("DELETE", "/api/v1/users/no-such-user", null, "Authorization", bearer(admin)));
    }

    @Test
    void theTokenCookieCarriesTheConfiguredAttributes() {
        Client.Answer lax = client().post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "correct horse"));
        String cookie = tokenCookie(lax);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax") && cookie.contains("; Path=/"), cookie);
        assertTrue(cookie.contains("; Max-Age=" + 28 * 24 * 3600) && cookie.contains("; Expires="), cookie);
        assertFalse(cookie.contains("Secure"), cookie);

        restartWith("WEBUI_AUTH_COOKIE_SAME_SITE", "strict", "WEBUI_AUTH_COOKIE_SECURE", "true", "JWT_EXPIRES_IN", "-1");
        String strict = tokenCookie(client().post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse")));
        assertTrue(strict.contains("; SameSite=Strict") && strict.contains("; Secure"), strict);
        assertFalse(strict.contains("Max-Age") || strict.contains("Expires"), "a token without expiry makes a session cookie: " + strict);
    }

    private static String tokenCookie(Client.Answer answer) {
        List<String> cookies = answer.raw.headers().allValues("Set-Cookie");
        return cookies.stream().filter(cookie -> cookie.startsWith("token=")).findFirst()
                .orElseThrow(() -> new AssertionError("no token cookie in " + cookies));
    }
}
