package io.gatehouse.it.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-in behind an authenticating reverse proxy (the test client plays it, from 127.0.0.1), against PostgreSQL. */
class TrustedHeaderEndToEndTest {

    private final E2eServer server = E2eServer.start("TRUSTED_PROXY_CIDRS", "127.0.0.1/32",
            "WEBUI_AUTH_TRUSTED_EMAIL_HEADER", "X-Auth-Email", "WEBUI_AUTH_TRUSTED_NAME_HEADER", "X-Auth-Name",
            "WEBUI_AUTH_TRUSTED_GROUPS_HEADER", "X-Auth-Groups", "WEBUI_AUTH_TRUSTED_ROLE_HEADER", "X-Auth-Role");
    private final Client client = server.client;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theProxySignsUsersInWithRoleAndGroupsAndEveryRequestMustStillCarryItsHeader() {
        String root = (String) client.post("/api/v1/auths/signin", Map.of(), "X-Auth-Email", "root@example.org")
                .field("token");
        client.post("/api/v1/groups/create", Map.of("name", "devs"), "Authorization", "Bearer " + root,
                "X-Auth-Email", "root@example.org");

        Client.Answer ann = client.post("/api/v1/auths/signin", Map.of(), "X-Auth-Email", "ann@example.org",
                "X-Auth-Name", "Ann", "X-Auth-Groups", "devs, ghosts", "X-Auth-Role", "user");

        assertEquals(200, ann.status, ann.body);
        assertEquals("user", ann.field("role"));
        String token = (String) ann.field("token");
        List<?> groups = (List<?>) client.get("/api/v1/groups/", "Authorization", "Bearer " + token,
                "X-Auth-Email", "ann@example.org").json();
        assertEquals(List.of("devs"), groups.stream().map(group -> ((Map<?, ?>) group).get("name")).toList());
        assertEquals(401, client.get("/api/v1/auths/", "Authorization", "Bearer " + token,
                "X-Auth-Email", "root@example.org").status);
        assertEquals(401, client.get("/api/v1/auths/", "Authorization", "Bearer " + token).status);
    }
}
