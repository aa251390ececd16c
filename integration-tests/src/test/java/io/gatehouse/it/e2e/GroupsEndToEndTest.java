package io.gatehouse.it.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Groups administration through the standalone server, against PostgreSQL. */
class GroupsEndToEndTest {

    private final E2eServer server = E2eServer.start();
    private final Client client = server.client;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDefaultGroupReceivesNewAccountsAndItsPermissionsApplyAtOnce() {
        String admin = (String) client.post("/api/v1/auths/signup",
                Map.of("name", "Root", "email", "root@example.org", "password", "correct horse")).field("token");
        String staff = (String) client.post("/api/v1/groups/create", Map.of("name", "staff"),
                "Authorization", "Bearer " + admin).field("id");
        client.post("/api/v1/auths/admin/config", Map.of("ENABLE_SIGNUP", true, "DEFAULT_GROUP_ID", staff,
                "DEFAULT_USER_ROLE", "user"), "Authorization", "Bearer " + admin);

        String ann = (String) client.post("/api/v1/auths/signup",
                Map.of("name", "Ann", "email", "ann@example.org", "password", "correct horse")).field("token");

        assertEquals(1, client.get("/api/v1/groups/id/" + staff, "Authorization", "Bearer " + admin).field("member_count"));
        assertEquals(false, apiKeys(client.get("/api/v1/users/permissions", "Authorization", "Bearer " + ann)));

        Client.Answer updated = client.post("/api/v1/groups/id/" + staff + "/update", Map.of("name", "staff",
                "permissions", Map.of("features", Map.of("api_keys", true))), "Authorization", "Bearer " + admin);
        assertEquals(200, updated.status, updated.body);

        assertEquals(true, apiKeys(client.get("/api/v1/users/permissions", "Authorization", "Bearer " + ann)));
        List<?> annsGroups = (List<?>) client.get("/api/v1/groups/", "Authorization", "Bearer " + ann).json();
        assertEquals(1, annsGroups.size());
        assertEquals("staff", ((Map<?, ?>) annsGroups.get(0)).get("name"));
    }

    private static Object apiKeys(Client.Answer permissions) {
        assertEquals(200, permissions.status, permissions.body);
        return ((Map<?, ?>) permissions.field("features")).get("api_keys");
    }
}
