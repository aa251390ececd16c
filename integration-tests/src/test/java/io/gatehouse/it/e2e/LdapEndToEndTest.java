package io.gatehouse.it.e2e;

import io.gatehouse.adapter.ldap.testing.EmbeddedDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LDAP sign-in through the standalone server against real directories (UnboundID's in-memory server) over LDAPS,
 * StartTLS and plain LDAP, with the account and groups stored in PostgreSQL.
 */
class LdapEndToEndTest {

    private static final String PEOPLE = "ou=people," + EmbeddedDirectory.BASE_DN;
    private static final String GROUPS = "ou=groups," + EmbeddedDirectory.BASE_DN;
    private static final String ODD_UID = "o'brien, *)(r\u00e9";
    private static EmbeddedDirectory openLdap;
    private static EmbeddedDirectory activeDirectory;

    private final List<E2eServer> servers = new ArrayList<>();

    @BeforeAll
    static void startDirectories() {
        openLdap = EmbeddedDirectory.start(true);
        openLdap.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
        openLdap.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
        person(openLdap, "alice", "Alice Liddell", "Alice@Example.org", "alice-pw");
        person(openLdap, "bob", "Bob", "bob@example.org", "bob-pw");
        openLdap.add("dn: cn=odd," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + ODD_UID, "cn: Odd",
                "sn: O", "mail: odd@example.org", "userPassword: odd-pw");
        openLdap.add("dn: cn=devs," + GROUPS, "objectClass: groupOfNames", "cn: devs", "member: uid=alice," + PEOPLE);
        openLdap.add("dn: cn=qa," + GROUPS, "objectClass: groupOfNames", "cn: qa", "member: uid=alice," + PEOPLE);
        openLdap.add("dn: cn=admins," + GROUPS, "objectClass: groupOfNames", "cn: admins",
                "member: uid=alice," + PEOPLE);

        activeDirectory = EmbeddedDirectory.start(false);
        activeDirectory.add("dn: OU=Staff," + EmbeddedDirectory.BASE_DN, "objectClass: organizationalUnit", "ou: Staff");
        activeDirectory.add("dn: CN=Carol Danvers,OU=Staff," + EmbeddedDirectory.BASE_DN, "objectClass: user",
                "sAMAccountName: cdanvers", "cn: Carol Danvers", "mail: carol@example.org", "userPassword: carol-pw",
                "memberOf: CN=Sales\\, EMEA,OU=Groups," + EmbeddedDirectory.BASE_DN,
                "memberOf: CN=Domain Admins,OU=Groups," + EmbeddedDirectory.BASE_DN);
    }

    private static void person(EmbeddedDirectory directory, String uid, String name, String mail, String password) {
        directory.add("dn: uid=" + uid + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name, "mail: " + mail, "userPassword: " + password);
    }

    @AfterAll
    static void stopDirectories() {
        openLdap.close();
        activeDirectory.close();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(E2eServer::close);
    }

    /** A server whose LDAP settings come from the environment: OpenLDAP over LDAPS, checked against its CA file. */
    private Client serverWith(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ENABLE_LDAP", "true",
                "LDAP_SERVER_HOST", "localhost",
                "LDAP_SERVER_PORT", String.valueOf(openLdap.ldapsPort()),
                "LDAP_USE_TLS", "true",
                "LDAP_CA_CERT_FILE", openLdap.caFile().toString(),
                "LDAP_APP_DN", EmbeddedDirectory.APP_DN,
                "LDAP_APP_PASSWORD", EmbeddedDirectory.APP_PASSWORD,
                "LDAP_SEARCH_BASE", PEOPLE,
                "LDAP_CONNECT_TIMEOUT", "1",
                "LDAP_RESPONSE_TIMEOUT", "1"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        List<String> pairs = new ArrayList<>();
        env.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        E2eServer server = E2eServer.start(pairs.toArray(String[]::new));
        servers.add(server);
        return server.client;
    }

    private static String adminToken(Client client) {
        return (String) client.post("/api/v1/auths/signup", Map.of("name", "Root", "email", "root@example.org",
                "password", "correct horse")).field("token");
    }

    private static Client.Answer ldap(Client client, String user, String password) {
        return client.post("/api/v1/auths/ldap", Map.of("user", user, "password", password));
    }

    @Test
    void theFirstSignInOverLdapsCreatesTheAccountAndTheSecondFindsIt() {
        Client client = serverWith();
        adminToken(client);

        Client.Answer first = ldap(client, "alice", "alice-pw");
        Client.Answer second = ldap(client, "ALICE", "alice-pw");

        assertEquals(200, first.status, first.body);
        assertEquals("alice@example.org", first.field("email"));
        assertEquals("Alice Liddell", first.field("name"));
        assertEquals("pending", first.field("role"));
        assertTrue(first.raw.headers().firstValue("set-cookie").orElse("").startsWith("token="));
        assertEquals(200, second.status, second.body);
        assertEquals(first.field("id"), second.field("id"));
        Map<?, ?> features = (Map<?, ?>) client.get("/api/config").field("features");
        assertEquals(true, features.get("enable_ldap"));
    }

    @Test
    void startTlsAndPlainLdapWorkAfterAnAdminChangesTheServerWithoutARestart() {
        Client client = serverWith();
        String admin = adminToken(client);

        Client.Answer startTls = client.post("/api/v1/auths/admin/config/ldap/server", serverForm(openLdap.ldapPort(),
                false, true), "Authorization", "Bearer " + admin);
        assertEquals(200, startTls.status, startTls.body);
        assertEquals(200, ldap(client, "bob", "bob-pw").status);

        client.post("/api/v1/auths/admin/config/ldap/server", serverForm(openLdap.ldapPort(), false, false),
                "Authorization", "Bearer " + admin);
        assertEquals(200, ldap(client, "bob", "bob-pw").status, "plain LDAP, the app password kept");
    }

    /** The single-server form as Open WebUI's admin page sends it back: without the password it never received. */
    private Map<String, Object> serverForm(int port, boolean ldaps, boolean startTls) {
        Map<String, Object> form = new HashMap<>();
        form.put("label", "OpenLDAP");
        form.put("host", "localhost");
        form.put("port", port);
        form.put("attribute_for_mail", "mail");
        form.put("attribute_for_username", "uid");
        form.put("app_dn", EmbeddedDirectory.APP_DN);
        form.put("search_base", PEOPLE);
        form.put("use_tls", ldaps);
        form.put("start_tls", startTls);
        form.put("certificate_path", openLdap.caFile().toString());
        return form;
    }

    @Test
    void wrongPasswordUnknownUserAndEmptyPasswordGetTheSameAnswer() {
        Client client = serverWith();

        List<Client.Answer> answers = List.of(ldap(client, "alice", "wrong"), ldap(client, "mallory", "alice-pw"),
                ldap(client, "alice", ""), ldap(client, "alice", "   "));

        for (Client.Answer answer : answers) {
            assertEquals(400, answer.status, answer.body);
            assertEquals("{\"detail\":\"LDAP authentication failed.\"}", answer.body);
        }
    }

    @Test
    void injectionAttemptsInTheUserNameNeverSignAnyoneIn() {
        Client client = serverWith();
        String admin = adminToken(client);

        for (String attempt : List.of("*", "a*", ")(uid=*", "*)(uid=*", "admin)(|(uid=*", "alice)(|(uid=*",
                "alice\\", "\\2a", "alice)(objectClass=*")) {
            Client.Answer answer = ldap(client, attempt, "alice-pw");
            assertEquals(400, answer.status, attempt + " -> " + answer.body);
            assertEquals("LDAP authentication failed.", answer.detail());
        }
        assertEquals(422, ldap(client, "alice\u0000", "alice-pw").status, "NUL is refused at the edge, as everywhere");
        Map<?, ?> users = (Map<?, ?>) client.get("/api/v1/users/", "Authorization", "Bearer " + admin).json();
        assertEquals(1, ((Number) users.get("total")).intValue(), "nobody but the admin has an account");
    }

    @Test
    void legalSpecialCharactersInTheUserNameSignIn() {
        Client client = serverWith();

        Client.Answer odd = ldap(client, ODD_UID, "odd-pw");

        assertEquals(200, odd.status, odd.body);
        assertEquals("odd@example.org", odd.field("email"));
    }

    @Test
    void groupSearchJoinsExistingGroupsOnlyWhenCreationIsOffAndKeepsManualMemberships() {
        Client client = serverWith("ENABLE_LDAP_GROUP_MANAGEMENT", "true", "LDAP_GROUP_SEARCH_BASE", GROUPS);
        String admin = adminToken(client);
        String devs = createGroup(client, admin, "devs");
        String ops = createGroup(client, admin, "ops");
        String alice = (String) ldap(client, "alice", "alice-pw").field("id");
        client.post("/api/v1/groups/id/" + ops + "/users/add", Map.of("user_ids", List.of(alice)),
                "Authorization", "Bearer " + admin);

        ldap(client, "alice", "alice-pw");

        assertEquals(List.of("devs", "ops"), groupsOf(client, admin, alice));
        assertEquals(List.of("devs", "ops"), allGroups(client, admin), "qa and admins were not created");
        assertEquals(1, client.get("/api/v1/groups/id/" + devs, "Authorization", "Bearer " + admin)
                .field("member_count"));
    }

    @Test
    void withCreationOnMissingGroupsAreCreatedExceptBlockedOnes() {
        Client client = serverWith("ENABLE_LDAP_GROUP_MANAGEMENT", "true", "ENABLE_LDAP_GROUP_CREATION", "true",
                "LDAP_GROUP_SEARCH_BASE", GROUPS, "LDAP_BLOCKED_GROUPS", "[\"admin*\"]");
        String admin = adminToken(client);

        String alice = (String) ldap(client, "alice", "alice-pw").field("id");

        assertEquals(List.of("devs", "qa"), groupsOf(client, admin, alice));
        assertEquals(List.of("devs", "qa"), allGroups(client, admin));
    }

    @Test
    void activeDirectorySignInBySamAccountNameWithGroupsFromMemberOf() {
        Client client = serverWith("LDAP_SERVER_HOST", "127.0.0.1",
                "LDAP_SERVER_PORT", String.valueOf(activeDirectory.ldapPort()), "LDAP_USE_TLS", "false",
                "LDAP_SEARCH_BASE", EmbeddedDirectory.BASE_DN, "LDAP_ATTRIBUTE_FOR_USERNAME", "sAMAccountName",
                "LDAP_SEARCH_FILTER", "(objectClass=user)", "ENABLE_LDAP_GROUP_MANAGEMENT", "true",
                "ENABLE_LDAP_GROUP_CREATION", "true", "LDAP_BLOCKED_GROUPS", "Domain Admins");
        String admin = adminToken(client);

        Client.Answer carol = ldap(client, "cdanvers", "carol-pw");

        assertEquals(200, carol.status, carol.body);
        assertEquals("Carol Danvers", carol.field("name"));
        assertEquals(List.of("Sales, EMEA"), groupsOf(client, admin, (String) carol.field("id")));
    }

    @Test
    void aDirectoryThatIsDownGivesTheUniformMessageAsA503WithinTheTimeout() throws IOException {
        Client client = serverWith("LDAP_SERVER_HOST", "127.0.0.1", "LDAP_SERVER_PORT", String.valueOf(closedPort()),
                "LDAP_USE_TLS", "false");

        Client.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ldap(client, "alice", "alice-pw"),
                "the one-second timeouts bound the request; this bound only catches a hang");

        assertEquals(503, answer.status, answer.body);
        assertEquals("LDAP authentication failed.", answer.detail());
    }

    @Test
    void theNextServerIsTriedWhenTheFirstIsDown() throws IOException {
        Client client = serverWith();
        String admin = adminToken(client);
        Map<String, Object> down = serverForm(closedPort(), false, false);
        down.put("label", "Down");
        down.put("host", "127.0.0.1");
        Map<String, Object> live = serverForm(openLdap.ldapsPort(), true, false);
        live.put("app_dn_password", EmbeddedDirectory.APP_PASSWORD);

        Client.Answer saved = client.post("/api/v1/auths/admin/config/ldap/servers",
                Map.of("servers", List.of(down, live)), "Authorization", "Bearer " + admin);

        assertEquals(200, saved.status, saved.body);
        assertEquals(200, ldap(client, "alice", "alice-pw").status);
    }

    @Test
    void theAdminApiNeverShowsTheAppPassword() {
        Client client = serverWith();
        String admin = adminToken(client);
        Map<String, Object> withPassword = serverForm(openLdap.ldapsPort(), true, false);
        withPassword.put("app_dn_password", EmbeddedDirectory.APP_PASSWORD);

        List<Client.Answer> answers = List.of(
                client.get("/api/v1/auths/admin/config/ldap/server", "Authorization", "Bearer " + admin),
                client.post("/api/v1/auths/admin/config/ldap/server", withPassword, "Authorization", "Bearer " + admin),
                client.post("/api/v1/auths/admin/config/ldap/servers", Map.of("servers", List.of(withPassword)),
                        "Authorization", "Bearer " + admin),
                client.get("/api/v1/auths/admin/config/ldap/servers", "Authorization", "Bearer " + admin),
                client.get("/api/v1/auths/admin/config", "Authorization", "Bearer " + admin));

        for (Client.Answer answer : answers) {
            assertEquals(200, answer.status, answer.body);
            assertFalse(answer.body.contains(EmbeddedDirectory.APP_PASSWORD), answer.body);
            assertFalse(answer.body.contains("app_dn_password"), answer.body);
        }
        assertEquals(EmbeddedDirectory.APP_DN, answers.get(0).field("app_dn"));
        assertEquals(200, ldap(client, "alice", "alice-pw").status, "the stored password still binds");
    }

    @Test
    void theAdminSwitchTurnsLdapOffAndOnAndOnlyAdminsMayTouchIt() {
        Client client = serverWith();
        String admin = adminToken(client);
        String alice = (String) ldap(client, "alice", "alice-pw").field("token");

        assertEquals(403, client.post("/api/v1/auths/admin/config/ldap", Map.of("enable_ldap", false),
                "Authorization", "Bearer " + alice).status);
        assertEquals(Map.of("ENABLE_LDAP", false), client.post("/api/v1/auths/admin/config/ldap",
                Map.of("enable_ldap", false), "Authorization", "Bearer " + admin).json());

        Client.Answer off = ldap(client, "alice", "alice-pw");
        assertEquals(400, off.status);
        assertEquals("LDAP authentication is not enabled", off.detail());
        assertEquals(Map.of("ENABLE_LDAP", true), client.post("/api/v1/auths/admin/config/ldap",
                Map.of("enable_ldap", true), "Authorization", "Bearer " + admin).json());
        assertEquals(200, ldap(client, "alice", "alice-pw").status);
    }

    @Test
    void incompleteServerFormsAreRefusedAndChangeNothing() {
        Client client = serverWith();
        String admin = adminToken(client);
        Map<String, Object> noBase = serverForm(openLdap.ldapsPort(), true, false);
        noBase.put("search_base", "");

        Client.Answer refused = client.post("/api/v1/auths/admin/config/ldap/server", noBase,
                "Authorization", "Bearer " + admin);
        Client.Answer empty = client.post("/api/v1/auths/admin/config/ldap/servers", Map.of("servers", List.of()),
                "Authorization", "Bearer " + admin);
        Client.Answer noHost = client.post("/api/v1/auths/admin/config/ldap/servers",
                Map.of("servers", List.of(Map.of("label", "x"))), "Authorization", "Bearer " + admin);

        assertEquals(400, refused.status);
        assertEquals("Required field search_base is empty", refused.detail());
        assertEquals("At least one LDAP server is required", empty.detail());
        assertEquals("Each LDAP server requires a label and host", noHost.detail());
        assertEquals(200, ldap(client, "alice", "alice-pw").status, "the environment's server is still in use");
    }

    @Test
    void ldapSignInIsRateLimitedLikePasswordSignIn() {
        Client client = serverWith();
        for (int i = 0; i < 15; i++) {
            assertEquals(400, ldap(client, "bob", "guess-" + i).status);
        }

        Client.Answer limited = ldap(client, "bob", "bob-pw");

        assertEquals(429, limited.status, limited.body);
        assertTrue(limited.raw.headers().firstValue("Retry-After").isPresent());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String createGroup(Client client, String admin, String name) {
        return (String) client.post("/api/v1/groups/create", Map.of("name", name, "description", ""),
                "Authorization", "Bearer " + admin).field("id");
    }

    private static List<String> allGroups(Client client, String admin) {
        List<?> groups = (List<?>) client.get("/api/v1/groups/", "Authorization", "Bearer " + admin).json();
        return groups.stream().map(group -> (String) ((Map<?, ?>) group).get("name")).sorted()
                .collect(Collectors.toList());
    }

    private static List<String> groupsOf(Client client, String admin, String userId) {
        List<?> groups = (List<?>) client.get("/api/v1/groups/", "Authorization", "Bearer " + admin).json();
        List<String> names = new ArrayList<>();
        for (Object group : groups) {
            Map<?, ?> each = (Map<?, ?>) group;
            Map<?, ?> export = (Map<?, ?>) client.get("/api/v1/groups/id/" + each.get("id") + "/export",
                    "Authorization", "Bearer " + admin).json();
            if (((List<?>) export.get("user_ids")).contains(userId)) {
                names.add((String) each.get("name"));
            }
        }
        names.sort(null);
        return names;
    }
}
