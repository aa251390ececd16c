package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.CapacityExceededException;
import io.gatehouse.application.port.out.InfrastructureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear 4xx and changes nothing; no input gets a 500 or a stack trace. */
class RequestValidationTest {

    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstProblem(TestServer.Response response) {
        assertEquals(422, response.status, response.body);
        return ((List<Map<String, Object>>) response.field("detail")).get(0);
    }

    @Test
    void aMissingFieldIsNamed() {
        Map<String, Object> problem = firstProblem(server.post("/api/v1/auths/signin", Map.of("email", "a@example.org")));

        assertEquals(List.of("body", "password"), problem.get("loc"));
        assertEquals("missing", problem.get("type"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNotCoerced() {
        Map<String, Object> problem = firstProblem(server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", 12345678)));

        assertEquals(List.of("body", "password"), problem.get("loc"));
    }

    @Test
    void malformedJsonAndNonObjectsAre422() {
        assertEquals("json_invalid", firstProblem(server.post("/api/v1/auths/signin", "{\"email\": ")).get("type"));
        assertEquals(422, server.post("/api/v1/auths/signin", "[1, 2]").status);
        assertEquals(422, server.post("/api/v1/auths/signin", "null").status);
        assertEquals(422, server.post("/api/v1/auths/signin", "").status);
    }

    @Test
    void aRefusedPasswordIsNeverEchoed() {
        TestServer.Response response = server.post("/api/v1/auths/signup",
                Map.of("name", "", "email", "a@example.org", "password", "hunter2-secret-value"));

        assertEquals(422, response.status);
        assertFalse(response.body.contains("hunter2"), response.body);
        assertEquals(List.of("body", "name"), firstProblem(response).get("loc"));
    }

    @Test
    void aDisallowedPictureIsRefusedAndNoAccountIsMade() {
        TestServer.Response response = server.post("/api/v1/auths/signup", Map.of("name", "A", "email", "a@example.org",
                "password", "correct horse", "profile_image_url", "javascript:alert(1)"));

        assertEquals(List.of("body", "profile_image_url"), firstProblem(response).get("loc"));
        assertEquals(0, server.gatehouse.users.count());
    }

    @Test
    void anOversizedBodyIs413() {
        TestServer.Response response = server.post("/api/v1/auths/signin",
                Map.of("email", "a@example.org", "password", "x".repeat(100_000)));

        assertEquals(413, response.status);
        assertEquals("The request body is too large.", response.detail());
    }

    @Test
    void anUnknownRouteIsAJson404() {
        TestServer.Response response = server.get("/api/v1/nowhere");

        assertEquals(404, response.status);
        assertEquals("Not Found", response.detail());
    }

    @Test
    void invalidUserListParametersAre422() {
        String admin = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "A", "email", "a@example.org", "password", "correct horse")).field("token");

        assertEquals(422, server.get("/api/v1/users/?page=0", "Authorization", "Bearer " + admin).status);
        assertEquals(422, server.get("/api/v1/users/?order_by=password", "Authorization", "Bearer " + admin).status);
        assertEquals(422, server.get("/api/v1/users/?direction=sideways", "Authorization", "Bearer " + admin).status);
        assertEquals(200, server.get("/api/v1/users/?page=1&order_by=name&direction=desc&query=a", "Authorization", "Bearer " + admin).status);
    }

    @Test
    void anInfrastructureFailureIs503WithoutDetails() {
        server.close();
        TestGatehouse gatehouse = new TestGatehouse();
        SignInWithPasswordUseCase failing = command -> {
            throw new InfrastructureException("database at jdbc:postgresql://db:5432 is down");
        };
        server = TestServer.start(gatehouse, withSignIn(TestServer.useCases(gatehouse), failing), s -> s);

        TestServer.Response response = server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse"));

        assertEquals(503, response.status);
        assertFalse(response.body.contains("jdbc"), response.body);
        assertTrue(response.header("Retry-After").isPresent());
    }

    @Test
    void hashingAtCapacityIs503WithTheWaitItNames() {
        server.close();
        TestGatehouse gatehouse = new TestGatehouse();
        SignInWithPasswordUseCase busy = command -> {
            throw new CapacityExceededException("password hashing is at capacity", Duration.ofSeconds(2));
        };
        server = TestServer.start(gatehouse, withSignIn(TestServer.useCases(gatehouse), busy), s -> s);

        TestServer.Response response = server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse"));

        assertEquals(503, response.status);
        assertEquals(Messages.SERVICE_UNAVAILABLE, response.detail());
        assertEquals("2", response.header("Retry-After").orElseThrow());
    }

    @Test
    void anUnexpectedFailureIs500WithoutAStackTrace() {
        server.close();
        TestGatehouse gatehouse = new TestGatehouse();
        SignInWithPasswordUseCase broken = command -> {
            throw new IllegalStateException("bug in SignInWithPasswordService line 42");
        };
        server = TestServer.start(gatehouse, withSignIn(TestServer.useCases(gatehouse), broken), s -> s);

        TestServer.Response response = server.post("/api/v1/auths/signin", Map.of("email", "a@example.org", "password", "correct horse"));

        assertEquals(500, response.status);
        assertEquals("An internal error occurred.", response.detail());
        assertFalse(response.body.contains("Service"), response.body);
    }

    private static UseCases withSignIn(UseCases u, SignInWithPasswordUseCase signIn) {
        return new UseCases(u.signUp(), signIn, u.signOut(), u.authenticate(), u.describeSession(),
                u.describeConfiguration(), u.updateProfile(), u.updateTimezone(), u.changePassword(), u.createApiKey(),
                u.getApiKey(), u.deleteApiKey(), u.addUser(), u.adminContact(), u.getSettings(), u.updateSettings(),
                u.listUsers(), u.updateUser(), u.deleteUser(), u.updateDefaultPermissions(), u.listGroups(),
                u.createGroup(), u.getGroup(), u.exportGroup(), u.listGroupMembers(), u.updateGroup(),
                u.addGroupMembers(), u.removeGroupMembers(), u.deleteGroup(), u.signInWithLdap(), u.updateLdapSettings(),
                u.signInWithTrustedHeader(), u.beginOAuthLogin(), u.completeOAuthLogin(),
                u.deleteProviderSessions(), u.backChannelLogout(),
                u.exchangeProviderToken(), u.updateOAuthSettings());
    }
}
