package io.gatehouse.adapter.http.javalin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyRoutesTest {

    private TestServer server;
    private String admin;

    @BeforeEach
    void start() {
        server = TestServer.start();
        admin = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "A", "email", "a@example.org", "password", "correct horse")).field("token");
        server.post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS", true), "Authorization", "Bearer " + admin);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String createKey(Object body) {
        TestServer.Response created = server.post("/api/v1/auths/api_key", body, "Authorization", "Bearer " + admin);
        assertEquals(200, created.status, created.body);
        return (String) created.field("api_key");
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsMaskIsReadBack() {
        String key = createKey(null);

        TestServer.Response read = server.get("/api/v1/auths/api_key", "Authorization", "Bearer " + admin);

        assertTrue(key.matches("sk-[0-9a-f]{32}"), key);
        String mask = (String) read.field("api_key");
        assertNotEquals(key, mask);
        assertEquals(key.substring(key.length() - 4), mask.substring(mask.length() - 4));
        assertFalse(read.body.contains(key));
        assertNull(read.field("expires_at"));
    }

    @Test
    void aKeyWorksAsBearerAndAsTheApiKeyHeader() {
        String key = createKey(null);

        TestServer.Response bearer = server.get("/api/v1/auths/", "Authorization", "Bearer " + key);
        TestServer.Response header = server.get("/api/v1/auths/", "x-api-key", key);

        assertEquals(200, bearer.status, bearer.body);
        assertEquals("a@example.org", bearer.field("email"));
        assertEquals(200, header.status, header.body);
        assertNull(header.field("expires_at"));
        assertEquals(List.of(), header.cookies(), "an API key is never turned into a cookie");
    }

    @Test
    void aNewKeyReplacesTheOldAndDeletionStopsIt() {
        String first = createKey(null);
        String second = createKey(null);

        assertEquals(401, server.get("/api/v1/auths/", "x-api-key", first).status);
        assertEquals(200, server.get("/api/v1/auths/", "x-api-key", second).status);

        assertEquals(true, server.delete("/api/v1/auths/api_key", "Authorization", "Bearer " + admin).json());
        assertEquals(false, server.delete("/api/v1/auths/api_key", "Authorization", "Bearer " + admin).json());
        assertEquals(401, server.get("/api/v1/auths/", "x-api-key", second).status);
    }

    @Test
    void aKeyMayExpire() {
        TestServer.Response created = server.post("/api/v1/auths/api_key", Map.of("expires_in", "1h"), "Authorization", "Bearer " + admin);
        String key = (String) created.field("api_key");
        assertEquals(server.gatehouse.clock.instant().getEpochSecond() + 3600, ((Number) created.field("expires_at")).longValue());

        server.gatehouse.clock.advance(Duration.ofHours(1));

        assertEquals(401, server.get("/api/v1/auths/", "x-api-key", key).status);
    }

    @Test
    void anInvalidValidityIsRefused() {
        assertEquals(422, server.post("/api/v1/auths/api_key", Map.of("expires_in", "soon"), "Authorization", "Bearer " + admin).status);
        assertEquals(422, server.post("/api/v1/auths/api_key", Map.of("expires_in", "-5m"), "Authorization", "Bearer " + admin).status);
        assertEquals(422, server.post("/api/v1/auths/api_key", Map.of("expires_in", "9999999999999999999w"),
                "Authorization", "Bearer " + admin).status, "a lifetime beyond any clock is refused, not a 500");
        assertEquals(404, server.get("/api/v1/auths/api_key", "Authorization", "Bearer " + admin).status, "no key was made");
    }

    @Test
    void endpointRestrictionsLimitWhereKeysWork() {
        String key = createKey(null);
        server.post("/api/v1/auths/admin/config", Map.of("ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS", true,
                "API_KEYS_ALLOWED_ENDPOINTS", "/api/v1/users"), "Authorization", "Bearer " + admin);

        TestServer.Response outside = server.get("/api/v1/auths/", "x-api-key", key);

        assertEquals(403, outside.status);
        assertEquals(200, server.get("/api/v1/users/permissions", "x-api-key", key).status);
    }
}
