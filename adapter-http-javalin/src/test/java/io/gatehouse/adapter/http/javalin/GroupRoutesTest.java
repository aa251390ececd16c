package io.gatehouse.adapter.http.javalin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of {@code /api/v1/groups}, with its refusals. */
class GroupRoutesTest {

    private static final String NOT_FOUND = "We could not find what you're looking for :/";
    private static final String ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance.";

    private TestServer server;
    private String admin;
    private String bob;
    private String bobId;

    @BeforeEach
    void anAdminAndAUser() {
        server = TestServer.start();
        admin = (String) server.post("/api/v1/auths/signup",
                Map.of("name", "Root", "email", "root@example.org", "password", "correct horse")).field("token");
        bobId = (String) asAdmin("POST", "/api/v1/auths/add",
                Map.of("name", "Bob", "email", "bob@example.org", "password", "correct horse", "role", "user")).field("id");
        bob = (String) server.post("/api/v1/auths/signin", Map.of("email", "bob@example.org", "password", "correct horse")).field("token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer.Response asAdmin(String method, String path, Object body) {
        return server.send(method, path, body, "Authorization", "Bearer " + admin);
    }

    private TestServer.Response asBob(String method, String path, Object body) {
        return server.send(method, path, body, "Authorization", "Bearer " + bob);
    }

    private String createGroup(String name) {
        TestServer.Response created = asAdmin("POST", "/api/v1/groups/create", Map.of("name", name, "description", "about " + name));
        assertEquals(200, created.status, created.body);
        return (String) created.field("id");
    }

    @Test
    void aGroupIsCreatedWithEveryFieldOfTheAnswer() {
        TestServer.Response created = asAdmin("POST", "/api/v1/groups/create", Map.of("name", "  devs ",
                "description", "developers", "permissions", Map.of("features", Map.of("api_keys", true)),
                "data", Map.of("color", "blue")));

        assertEquals(200, created.status, created.body);
        Map<String, Object> group = created.object();
        assertEquals("devs", group.get("name"), "names are trimmed");
        assertEquals("developers", group.get("description"));
        assertEquals(Map.of("features", Map.of("api_keys", true)), group.get("permissions"));
        assertEquals(Map.of("color", "blue", "config", Map.of("share", "members")), group.get("data"));
        assertEquals(Map.of(), group.get("meta"));
        assertEquals(0, group.get("member_count"));
        assertEquals(asAdmin("GET", "/api/v1/auths/", null).field("id"), group.get("user_id"));
        assertTrue(group.containsKey("created_at") && group.containsKey("updated_at"));
        assertFalse(group.containsKey("user_ids"));
    }

    @Test
    void duplicateAndInvalidGroupsAreRefused() {
        createGroup("devs");

        TestServer.Response duplicate = asAdmin("POST", "/api/v1/groups/create", Map.of("name", "devs"));
        assertEquals(400, duplicate.status);
        assertEquals("A group with this name already exists.", duplicate.detail());
        assertEquals(422, asAdmin("POST", "/api/v1/groups/create", Map.of("name", "   ")).status);
        assertEquals(422, asAdmin("POST", "/api/v1/groups/create", Map.of("name", "x", "permissions", Map.of("chat", "all"))).status);
        assertEquals(422, asAdmin("POST", "/api/v1/groups/create", Map.of("name", "x".repeat(256))).status);
    }

    @Test
    void membersAreAddedListedExportedAndRemoved() {
        String devs = createGroup("devs");

        TestServer.Response added = asAdmin("POST", "/api/v1/groups/id/" + devs + "/users/add",
                Map.of("user_ids", List.of(bobId, "no-such-user")));
        assertEquals(1, added.field("member_count"));

        TestServer.Response members = asAdmin("POST", "/api/v1/groups/id/" + devs + "/users", null);
        assertEquals(List.of("bob@example.org"), ((List<?>) members.json()).stream()
                .map(member -> ((Map<?, ?>) member).get("email")).collect(Collectors.toList()));
        assertEquals(List.of(bobId), asAdmin("GET", "/api/v1/groups/id/" + devs + "/export", null).field("user_ids"));
        assertEquals(1, asAdmin("GET", "/api/v1/groups/id/" + devs, null).field("member_count"));

        TestServer.Response removed = asAdmin("POST", "/api/v1/groups/id/" + devs + "/users/remove", Map.of("user_ids", List.of(bobId)));
        assertEquals(0, removed.field("member_count"));
    }

    @Test
    void aMembersPermissionsChangeRightAfterTheGroupIsUpdated() {
        String devs = createGroup("devs");
        asAdmin("POST", "/api/v1/groups/id/" + devs + "/users/add", Map.of("user_ids", List.of(bobId)));
        assertEquals(false, apiKeysOf(asBob("GET", "/api/v1/auths/", null)));

        TestServer.Response updated = asAdmin("POST", "/api/v1/groups/id/" + devs + "/update", Map.of("name", "developers",
                "description", "", "permissions", Map.of("features", Map.of("api_keys", true))));
        assertEquals(200, updated.status, updated.body);
        assertEquals("developers", updated.field("name"));

        assertEquals(true, apiKeysOf(asBob("GET", "/api/v1/auths/", null)), "the same token, no new sign-in");
    }

    private static Object apiKeysOf(TestServer.Response session) {
        assertEquals(200, session.status, session.body);
        return ((Map<?, ?>) ((Map<?, ?>) session.field("permissions")).get("features")).get("api_keys");
    }

    @Test
    void usersSeeTheirOwnGroupsAndAdminsEveryGroup() {
        String devs = createGroup("devs");
        createGroup("ops");
        asAdmin("POST", "/api/v1/groups/id/" + devs + "/users/add", Map.of("user_ids", List.of(bobId)));

        assertEquals(Set.of("devs", "ops"), names(asAdmin("GET", "/api/v1/groups/", null)));
        assertEquals(Set.of("devs"), names(asBob("GET", "/api/v1/groups/", null)));
        assertEquals(Set.of("devs", "ops"), names(asAdmin("GET", "/api/v1/groups/?share=true", null)));
        assertEquals(Set.of(), names(asAdmin("GET", "/api/v1/groups/?share=false", null)));
        assertEquals(422, asAdmin("GET", "/api/v1/groups/?share=maybe", null).status);
    }

    private static Set<Object> names(TestServer.Response groups) {
        assertEquals(200, groups.status, groups.body);
        return ((List<?>) groups.json()).stream().map(group -> ((Map<?, ?>) group).get("name")).collect(Collectors.toSet());
    }

    @Test
    void aDeletedGroupIsGoneWithItsMemberships() {
        String devs = createGroup("devs");
        asAdmin("POST", "/api/v1/groups/id/" + devs + "/users/add", Map.of("user_ids", List.of(bobId)));

        assertEquals(true, asAdmin("DELETE", "/api/v1/groups/id/" + devs + "/delete", null).json());

        assertEquals(404, asAdmin("GET", "/api/v1/groups/id/" + devs, null).status);
        assertEquals(Set.of(), names(asBob("GET", "/api/v1/groups/", null)));
    }

    @Test
    void unknownGroupsAreNotFound() {
        for (String[] route : new String[][]{{"GET", "/api/v1/groups/id/nope"}, {"GET", "/api/v1/groups/id/nope/export"},
                {"POST", "/api/v1/groups/id/nope/users"}, {"DELETE", "/api/v1/groups/id/nope/delete"}}) {
            TestServer.Response answer = asAdmin(route[0], route[1], null);
            assertEquals(404, answer.status, route[1]);
            assertEquals(NOT_FOUND, answer.detail());
        }
        assertEquals(404, asAdmin("POST", "/api/v1/groups/id/nope/update", Map.of("name", "x")).status);
        assertEquals(404, asAdmin("POST", "/api/v1/groups/id/nope/users/add", Map.of("user_ids", List.of(bobId))).status);
        assertEquals(404, asAdmin("POST", "/api/v1/groups/id/nope/users/remove", Map.of("user_ids", List.of(bobId))).status);
    }

    @Test
    void onlyAdminsAdministerGroups() {
        String devs = createGroup("devs");
        String[][] adminRoutes = {{"POST", "/api/v1/groups/create"}, {"GET", "/api/v1/groups/id/" + devs},
                {"GET", "/api/v1/groups/id/" + devs + "/export"}, {"POST", "/api/v1/groups/id/" + devs + "/users"},
                {"POST", "/api/v1/groups/id/" + devs + "/update"}, {"POST", "/api/v1/groups/id/" + devs + "/users/add"},
                {"POST", "/api/v1/groups/id/" + devs + "/users/remove"}, {"DELETE", "/api/v1/groups/id/" + devs + "/delete"}};

        for (String[] route : adminRoutes) {
            TestServer.Response answer = asBob(route[0], route[1], Map.of("name", "x", "user_ids", List.of(bobId)));
            assertEquals(403, answer.status, route[0] + " " + route[1]);
            assertEquals(ACCESS_PROHIBITED, answer.detail());
        }
        assertEquals(401, server.get("/api/v1/groups/").status);
        assertEquals(1, names(asAdmin("GET", "/api/v1/groups/", null)).size(), "nothing changed");
        assertEquals(0, asAdmin("GET", "/api/v1/groups/id/" + devs, null).field("member_count"));
    }
}
