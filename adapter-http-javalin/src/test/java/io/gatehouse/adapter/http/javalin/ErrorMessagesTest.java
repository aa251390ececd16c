package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every Open WebUI error text (spec §1.Z) that the password-account routes can produce, with its status. */
class ErrorMessagesTest {

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

    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String signUp(String email) {
        TestServer.Response response = server.post("/api/v1/auths/signup",
                Map.of("name", "N", "email", email, "password", "correct horse"));
        assertEquals(200, response.status, response.body);
        return (String) response.field("token");
    }

    private void expect(int status, String detail, TestServer.Response response) {
        assertEquals(status, response.status, response.body);
        assertEquals(detail, response.detail());
    }

    @Test
    void wrongPasswordAndUnknownE_mailAnswerTheSame() {
        signUp("ann@example.org");

        TestServer.Response wrong = server.post("/api/v1/auths/signin", Map.of("email", "ann@example.org", "password", "nope nope"));
        TestServer.Response unknown = server.post("/api/v1/auths/signin", Map.of("email", "bob@example.org", "password", "nope nope"));

        expect(400, INVALID_CRED, wrong);
        expect(400, INVALID_CRED, unknown);
        assertEquals(wrong.body, unknown.body);
        assertEquals(wrong.cookies(), unknown.cookies());
    }

    @Test
    void signUpRefusals() {
        String admin = signUp("ann@example.org");
        server.post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true), "Authorization", "Bearer " + admin);
        expect(400, EMAIL_TAKEN, server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "ANN@example.org", "password", "correct horse")));
        expect(400, INVALID_EMAIL_FORMAT, server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "not-an-email", "password", "correct horse")));
        expect(400, PASSWORD_TOO_LONG, server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "b@example.org", "password", "x".repeat(73))));
        expect(400, "The password is too short. Please use at least 8 characters.",
                server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "c@example.org", "password", "short")));
    }

    @Test
    void closedSignUpIsAccessProhibited() {
        signUp("admin@example.org");   // the first admin closes public sign-up

        expect(403, ACCESS_PROHIBITED, server.post("/api/v1/auths/signup",
                Map.of("name", "B", "email", "bob@example.org", "password", "correct horse")));
    }

    @Test
    void aPatternMismatchShowsTheHintOrOpenWebUisDefault() {
        server.close();
        server = serverWithPolicy(new PasswordPolicy(8, Optional.of(Pattern.compile(PasswordPolicy.DEFAULT_PATTERN)), ""));
        expect(400, INVALID_PASSWORD, server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "alllowercase")));
        server.close();
        server = serverWithPolicy(new PasswordPolicy(8, Optional.of(Pattern.compile(PasswordPolicy.DEFAULT_PATTERN)), "Mix cases, a digit and a symbol."));
        expect(400, "Mix cases, a digit and a symbol.", server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "alllowercase")));
    }

    private static TestServer serverWithPolicy(PasswordPolicy policy) {
        FixedSettings base = TestSettings.fixedDefaults();
        FixedSettings fixed = new FixedSettings(base.authEnabled(), base.passwordAuthEnabled(), base.initialAdminSignup(),
                policy, base.signInLimits(), base.profileImagePolicy(), base.defaultGroupShare(), base.signoutRedirectUrl());
        return TestServer.start(new TestGatehouse(fixed, TestSettings.authDefaults(), new FakePasswordHasher()), s -> s);
    }

    @Test
    void passwordAuthenticationOffProhibitsSignInAndSignUp() {
        FixedSettings base = TestSettings.fixedDefaults();
        FixedSettings off = new FixedSettings(true, false, false, base.passwordPolicy(), base.signInLimits(),
                base.profileImagePolicy(), base.defaultGroupShare(), Optional.empty());
        server.close();
        server = TestServer.start(new TestGatehouse(off, TestSettings.authDefaults(), new FakePasswordHasher()), s -> s);

        expect(403, ACTION_PROHIBITED, server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse")));
        expect(403, ACTION_PROHIBITED, server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org", "password", "correct horse")));
    }

    @Test
    void theSixteenthAttemptIsRateLimited() {
        signUp("ann@example.org");
        for (int attempt = 1; attempt <= 15; attempt++) {
            assertEquals(400, server.post("/api/v1/auths/signin", Map.of("email", "ann@example.org", "password", "wrong one")).status);
        }

        TestServer.Response limited = server.post("/api/v1/auths/signin", Map.of("email", "ann@example.org", "password", "correct horse"));

        expect(429, "API rate limit exceeded", limited);
        assertEquals(true, Long.parseLong(limited.header("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    void tokenRefusals() {
        expect(401, "Not authenticated", server.get("/api/v1/auths/"));
        expect(401, "401 Unauthorized", server.get("/api/v1/auths/", "Authorization", "Bearer not.a.token"));

        String token = signUp("ann@example.org");
        server.post("/api/v1/auths/signout", null, "Authorization", "Bearer " + token);
        expect(401, "Invalid token", server.get("/api/v1/auths/", "Authorization", "Bearer " + token));
        expect(401, "Invalid token", server.get("/api/config", "Authorization", "Bearer " + token));
    }

    @Test
    void aDeletedAccountsTokenIsInvalid() {
        String admin = signUp("admin@example.org");
        String bobId = (String) server.post("/api/v1/auths/add", Map.of("name", "Bob", "email", "bob@example.org",
                "password", "correct horse", "role", "user"), "Authorization", "Bearer " + admin).field("id");
        String bob = (String) server.post("/api/v1/auths/signin", Map.of("email", "bob@example.org", "password", "correct horse")).field("token");

        assertEquals(200, server.delete("/api/v1/users/" + bobId, "Authorization", "Bearer " + admin).status);

        expect(401, INVALID_TOKEN, server.get("/api/v1/auths/", "Authorization", "Bearer " + bob));
    }

    @Test
    void passwordChangeRefusals() {
        String token = signUp("ann@example.org");
        expect(400, INCORRECT_PASSWORD, server.post("/api/v1/auths/update/password",
                Map.of("password", "not it at all", "new_password", "battery staple"), "Authorization", "Bearer " + token));
        expect(400, PASSWORD_TOO_LONG, server.post("/api/v1/auths/update/password",
                Map.of("password", "correct horse", "new_password", "y".repeat(80)), "Authorization", "Bearer " + token));
    }

    @Test
    void rolesBelowTheRoutesAreProhibited() {
        String admin = signUp("admin@example.org");
        server.post("/api/v1/auths/add", Map.of("name", "P", "email", "p@example.org", "password", "correct horse"),
                "Authorization", "Bearer " + admin);
        String pending = (String) server.post("/api/v1/auths/signin", Map.of("email", "p@example.org", "password", "correct horse")).field("token");

        expect(403, ACCESS_PROHIBITED, server.get("/api/v1/auths/admin/config", "Authorization", "Bearer " + pending));
        expect(403, ACCESS_PROHIBITED, server.post("/api/v1/auths/update/profile",
                Map.of("name", "P", "profile_image_url", "/user.png"), "Authorization", "Bearer " + pending));
        assertEquals(200, server.get("/api/v1/auths/", "Authorization", "Bearer " + pending).status, "pending users may read their session");
    }

    @Test
    void adminDetailsCanBeHidden() {
        String admin = signUp("admin@example.org");
        assertEquals(Map.of("name", "N", "email", "admin@example.org"),
                server.get("/api/v1/auths/admin/details", "Authorization", "Bearer " + admin).object());

        server.post("/api/v1/auths/admin/config", Map.of("SHOW_ADMIN_DETAILS", false), "Authorization", "Bearer " + admin);

        expect(400, ACTION_PROHIBITED, server.get("/api/v1/auths/admin/details", "Authorization", "Bearer " + admin));
    }

    @Test
    void apiKeyRefusals() {
        String token = signUp("admin@example.org");
        expect(403, API_KEY_CREATION_NOT_ALLOWED, server.post("/api/v1/auths/api_key", null, "Authorization", "Bearer " + token));

        server.post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS", true), "Authorization", "Bearer " + token);
        expect(404, API_KEY_NOT_FOUND, server.get("/api/v1/auths/api_key", "Authorization", "Bearer " + token));
        String key = (String) server.post("/api/v1/auths/api_key", null, "Authorization", "Bearer " + token).field("api_key");

        server.post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS", false), "Authorization", "Bearer " + token);
        expect(403, API_KEY_NOT_ALLOWED, server.get("/api/v1/auths/", "Authorization", "Bearer " + key));
        expect(401, INVALID_TOKEN, server.get("/api/v1/auths/", "Authorization", "Bearer sk-0000000000000000000000000000000"));
    }

    @Test
    void singleUserModeWithOtherAccountsAnswersExistingUsers() {
        TestGatehouse gatehouse = new TestGatehouse();
        gatehouse.signedUp("someone@example.org");
        FixedSettings base = TestSettings.fixedDefaults();
        FixedSettings singleUser = new FixedSettings(false, true, false, base.passwordPolicy(), base.signInLimits(),
                base.profileImagePolicy(), base.defaultGroupShare(), Optional.empty());
        AuthSettings stored = gatehouse.settings.current();
        server.close();
        TestGatehouse sameData = new TestGatehouse(singleUser, stored, new FakePasswordHasher());
        sameData.users.insert(gatehouse.users.findByEmail(EmailAddress.of("someone@example.org")).orElseThrow(),
                Credential.none(), FirstUserPolicy.KEEP_ROLE);
        server = TestServer.start(sameData, s -> s);

        expect(400, EXISTING_USERS, server.post("/api/v1/auths/signin", Map.of("email", "x@example.org", "password", "whatever1")));
    }

    @Test
    void unknownAccountsAreNotFoundForAdmins() {
        String admin = signUp("admin@example.org");

        expect(404, NOT_FOUND, server.post("/api/v1/users/no-such-user/update", Map.of("name", "X"), "Authorization", "Bearer " + admin));
        expect(404, NOT_FOUND, server.delete("/api/v1/users/no-such-user", "Authorization", "Bearer " + admin));
    }

    @Test
    void thePrimaryAdminIsProtected() {
        String admin = signUp("admin@example.org");
        String adminId = (String) server.get("/api/v1/auths/", "Authorization", "Bearer " + admin).field("id");
        server.post("/api/v1/auths/add", Map.of("name", "Other", "email", "other@example.org", "password", "correct horse", "role", "admin"),
                "Authorization", "Bearer " + admin);
        String other = (String) server.post("/api/v1/auths/signin", Map.of("email", "other@example.org", "password", "correct horse")).field("token");

        expect(403, ACTION_PROHIBITED, server.post("/api/v1/users/" + adminId + "/update", Map.of("role", "user"), "Authorization", "Bearer " + other));
        expect(403, ACTION_PROHIBITED, server.delete("/api/v1/users/" + adminId, "Authorization", "Bearer " + other));
        expect(403, ACTION_PROHIBITED, server.delete("/api/v1/users/" + adminId, "Authorization", "Bearer " + admin));
    }
}
