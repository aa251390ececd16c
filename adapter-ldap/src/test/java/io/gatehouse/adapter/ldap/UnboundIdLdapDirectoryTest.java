package io.gatehouse.adapter.ldap;

import io.gatehouse.adapter.ldap.testing.EmbeddedDirectory;
import io.gatehouse.application.port.out.LdapDirectory.GroupQuery;
import io.gatehouse.application.port.out.LdapDirectory.Lookup;
import io.gatehouse.application.port.out.LdapDirectory.Reason;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.ldap.LdapServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The bind–search–bind flow against a real directory over LDAP, LDAPS and StartTLS. */
class UnboundIdLdapDirectoryTest {

    private static final PlainPassword ALICE_PASSWORD = PlainPassword.of("alice-pw");
    private static final String ODD_UID = "o'brien, *)(r\u00e9";
    private static EmbeddedDirectory directory;

    private final UnboundIdLdapDirectory ldap = new UnboundIdLdapDirectory(
            new LdapConnectionSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2));

    @BeforeAll
    static void startDirectory() {
        directory = EmbeddedDirectory.start(true);
        directory.add("dn: ou=people," + EmbeddedDirectory.BASE_DN, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + EmbeddedDirectory.BASE_DN, "objectClass: organizationalUnit", "ou: groups");
        directory.add("dn: uid=alice,ou=people," + EmbeddedDirectory.BASE_DN, "objectClass: inetOrgPerson",
                "uid: alice", "cn: Alice Liddell", "sn: Liddell", "mail: Alice@Example.org", "userPassword: alice-pw");
        directory.add("dn: uid=bob,ou=people," + EmbeddedDirectory.BASE_DN, "objectClass: inetOrgPerson",
                "uid: bob", "cn: Bob", "sn: B", "mail: bob@example.org", "userPassword: bob-pw");
        directory.add("dn: cn=odd,ou=people," + EmbeddedDirectory.BASE_DN, "objectClass: inetOrgPerson",
                "uid: " + ODD_UID, "cn: odd", "sn: O", "mail: odd@example.org", "userPassword: odd-pw");
        directory.add("dn: cn=devs,ou=groups," + EmbeddedDirectory.BASE_DN, "objectClass: groupOfNames", "cn: devs",
                "member: uid=alice,ou=people," + EmbeddedDirectory.BASE_DN);
        directory.add("dn: cn=Sales\\, EMEA,ou=groups," + EmbeddedDirectory.BASE_DN, "objectClass: groupOfNames",
                "cn: Sales, EMEA", "member: uid=alice,ou=people," + EmbeddedDirectory.BASE_DN,
                "member: uid=bob,ou=people," + EmbeddedDirectory.BASE_DN);
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @AfterEach
    void closePools() {
        ldap.close();
    }

    private static LdapServer plain() {
        return new LdapServer("Test", "127.0.0.1", Optional.of(directory.ldapPort()), "mail", "uid",
                EmbeddedDirectory.APP_DN, EmbeddedDirectory.APP_PASSWORD, "ou=people," + EmbeddedDirectory.BASE_DN,
                "(objectClass=inetOrgPerson)", false, false, "", true, "ALL");
    }

    private static LdapServer ldaps(String caFile, boolean validate, String ciphers) {
        return new LdapServer("Test", "localhost", Optional.of(directory.ldapsPort()), "mail", "uid",
                EmbeddedDirectory.APP_DN, EmbeddedDirectory.APP_PASSWORD, "ou=people," + EmbeddedDirectory.BASE_DN,
                "", true, false, caFile, validate, ciphers);
    }

    private static LdapServer startTls() {
        return new LdapServer("Test", "localhost", Optional.of(directory.ldapPort()), "mail", "uid",
                EmbeddedDirectory.APP_DN, EmbeddedDirectory.APP_PASSWORD, "ou=people," + EmbeddedDirectory.BASE_DN,
                "", false, true, directory.caFile().toString(), true, "ALL");
    }

    private Lookup signIn(LdapServer server, String username, PlainPassword password) {
        return ldap.authenticate(server, GroupQuery.NONE, username, password);
    }

    @Test
    void theRightPasswordGivesTheEntryOverPlainLdap() {
        Lookup.Authenticated alice = assertInstanceOf(Lookup.Authenticated.class,
                signIn(plain(), "alice", ALICE_PASSWORD));

        assertEquals("uid=alice,ou=people,dc=example,dc=org", alice.dn());
        assertEquals(List.of("Alice@Example.org"), alice.mails());
        assertEquals(Optional.of("Alice Liddell"), alice.commonName());
        assertEquals(Optional.empty(), alice.groupNames(), "groups were not asked for");
    }

    @Test
    void ldapsChecksTheCertificateAgainstTheCaFile() {
        assertInstanceOf(Lookup.Authenticated.class,
                signIn(ldaps(directory.caFile().toString(), true, "ALL"), "alice", ALICE_PASSWORD));
    }

    @Test
    void startTlsChecksTheCertificateAgainstTheCaFile() {
        assertInstanceOf(Lookup.Authenticated.class, signIn(startTls(), "alice", ALICE_PASSWORD));
    }

    @Test
    void aCertificateNobodyVouchesForIsRefusedUnlessValidationIsOff() {
        assertEquals(new Lookup.Refused(Reason.UNREACHABLE), signIn(ldaps("", true, "ALL"), "alice", ALICE_PASSWORD),
                "the JVM's trust store does not know the test certificate");
        assertInstanceOf(Lookup.Authenticated.class, signIn(ldaps("", false, "ALL"), "alice", ALICE_PASSWORD));
    }

    @Test
    void cipherSuitesCanBeNamedAndAnUnknownOneIsAConfigurationError() {
        String ca = directory.caFile().toString();
        assertInstanceOf(Lookup.Authenticated.class,
                signIn(ldaps(ca, true, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"), "alice", ALICE_PASSWORD));
        assertEquals(new Lookup.Refused(Reason.MISCONFIGURED),
                signIn(ldaps(ca, true, "ECDHE-RSA-AES128-GCM-SHA256"), "alice", ALICE_PASSWORD));
    }

    @Test
    void anUnreadableCaFileIsAConfigurationError() {
        assertEquals(new Lookup.Refused(Reason.MISCONFIGURED),
                signIn(ldaps("/nonexistent/ca.pem", true, "ALL"), "alice", ALICE_PASSWORD));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserCostTheDirectoryTheSameBinds() {
        signIn(plain(), "alice", ALICE_PASSWORD); // the pool and its service bind exist from here on
        int before = directory.simpleBinds();
        assertEquals(new Lookup.Refused(Reason.WRONG_PASSWORD), signIn(plain(), "alice", PlainPassword.of("nope")));
        int wrongPassword = directory.simpleBinds() - before;

        before = directory.simpleBinds();
        assertEquals(new Lookup.Refused(Reason.USER_NOT_FOUND), signIn(plain(), "mallory", PlainPassword.of("nope")));
        int unknownUser = directory.simpleBinds() - before;

        assertEquals(wrongPassword, unknownUser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "a*", "*)(uid=*", ")(uid=*", "admin)(|(uid=*", "alice)(|(uid=*", "alice\u0000",
            "alice\\", "\\2a", "alice)(objectClass=*", "(uid=alice)"})
    void injectionAttemptsMatchNoEntry(String username) {
        assertEquals(new Lookup.Refused(Reason.USER_NOT_FOUND), signIn(plain(), username, ALICE_PASSWORD));
    }

    @Test
    void namesWithFilterCharactersAndNonAsciiLetterSignIn() {
        assertInstanceOf(Lookup.Authenticated.class, signIn(plain(), ODD_UID, PlainPassword.of("odd-pw")));
    }

    @Test
    void theExtraFilterNarrowsTheSearchAndAMalformedOneIsAConfigurationError() {
        LdapServer base = plain();
        LdapServer noPeople = withFilter(base, "(objectClass=groupOfNames)");
        LdapServer several = withFilter(base, "(objectClass=inetOrgPerson)(!(uid=bob))");
        LdapServer malformed = withFilter(base, "(objectClass=inetOrgPerson");

        assertEquals(new Lookup.Refused(Reason.USER_NOT_FOUND), signIn(noPeople, "alice", ALICE_PASSWORD));
        assertInstanceOf(Lookup.Authenticated.class, signIn(several, "alice", ALICE_PASSWORD));
        assertEquals(new Lookup.Refused(Reason.USER_NOT_FOUND), signIn(several, "bob", PlainPassword.of("bob-pw")));
        assertEquals(new Lookup.Refused(Reason.MISCONFIGURED), signIn(malformed, "alice", ALICE_PASSWORD));
    }

    private static LdapServer withFilter(LdapServer server, String filter) {
        return new LdapServer(server.label(), server.host(), server.port(), server.attributeForMail(),
                server.attributeForUsername(), server.appDn(), server.appPassword(), server.searchBase(), filter,
                server.useTls(), server.startTls(), server.certificatePath(), server.validateCert(), server.ciphers());
    }

    @Test
    void twoEntriesWithTheNameAreAmbiguousAndRefused() {
        try (EmbeddedDirectory twins = EmbeddedDirectory.start(true)) {
            for (String unit : List.of("a", "b")) {
                twins.add("dn: ou=" + unit + "," + EmbeddedDirectory.BASE_DN, "objectClass: organizationalUnit",
                        "ou: " + unit);
                twins.add("dn: uid=sam,ou=" + unit + "," + EmbeddedDirectory.BASE_DN, "objectClass: inetOrgPerson",
                        "uid: sam", "cn: Sam", "sn: S", "mail: sam-" + unit + "@example.org", "userPassword: sam-pw");
            }
            LdapServer server = new LdapServer("Twins", "127.0.0.1", Optional.of(twins.ldapPort()), "mail", "uid",
                    "", "", EmbeddedDirectory.BASE_DN, "", false, false, "", true, "ALL");

            assertEquals(new Lookup.Refused(Reason.AMBIGUOUS_USER), signIn(server, "sam", PlainPassword.of("sam-pw")));
        }
    }

    @Test
    void anonymousSearchWorksWithoutAServiceAccount() {
        LdapServer anonymous = new LdapServer("Anon", "127.0.0.1", Optional.of(directory.ldapPort()), "mail", "uid",
                "", "", EmbeddedDirectory.BASE_DN, "", false, false, "", true, "ALL");

        assertInstanceOf(Lookup.Authenticated.class, signIn(anonymous, "alice", ALICE_PASSWORD));
        assertEquals(new Lookup.Refused(Reason.WRONG_PASSWORD), signIn(anonymous, "alice", PlainPassword.of("x")));
    }

    @Test
    void aWrongServicePasswordIsReportedAsSuch() {
        LdapServer base = plain();
        LdapServer wrongApp = new LdapServer(base.label(), base.host(), base.port(), "mail", "uid", base.appDn(),
                "not-the-app-password", base.searchBase(), "", false, false, "", true, "ALL");

        assertEquals(new Lookup.Refused(Reason.APP_BIND_FAILED), signIn(wrongApp, "alice", ALICE_PASSWORD));
    }

    @Test
    void groupsComeFromAGroupSearchWhenABaseIsGiven() {
        Lookup.Authenticated alice = assertInstanceOf(Lookup.Authenticated.class, ldap.authenticate(plain(),
                new GroupQuery(true, "memberOf", "ou=groups," + EmbeddedDirectory.BASE_DN), "alice", ALICE_PASSWORD));
        Lookup.Authenticated bob = assertInstanceOf(Lookup.Authenticated.class, ldap.authenticate(plain(),
                new GroupQuery(true, "memberOf", "ou=groups," + EmbeddedDirectory.BASE_DN), "bob",
                PlainPassword.of("bob-pw")));

        assertEquals(Optional.of(Set.of("devs", "Sales, EMEA")), alice.groupNames().map(Set::copyOf));
        assertEquals(Optional.of(List.of("Sales, EMEA")), bob.groupNames());
    }

    @Test
    void activeDirectoryStyleEntriesSignInBySamAccountNameWithGroupsFromMemberOf() {
        try (EmbeddedDirectory ad = EmbeddedDirectory.start(false)) {
            ad.add("dn: OU=Staff," + EmbeddedDirectory.BASE_DN, "objectClass: organizationalUnit", "ou: Staff");
            ad.add("dn: CN=Carol Danvers,OU=Staff," + EmbeddedDirectory.BASE_DN, "objectClass: user",
                    "sAMAccountName: cdanvers", "cn: Carol Danvers", "mail: carol@example.org",
                    "userPassword: carol-pw",
                    "memberOf: CN=Sales\\, EMEA,OU=Groups," + EmbeddedDirectory.BASE_DN,
                    "memberOf: CN=M\\C3\\BCnchen Office,OU=Groups," + EmbeddedDirectory.BASE_DN,
                    "memberOf: OU=NotAGroup," + EmbeddedDirectory.BASE_DN);
            LdapServer server = new LdapServer("AD", "127.0.0.1", Optional.of(ad.ldapPort()), "mail",
                    "sAMAccountName", EmbeddedDirectory.APP_DN, EmbeddedDirectory.APP_PASSWORD,
                    EmbeddedDirectory.BASE_DN, "(objectClass=user)", false, false, "", true, "ALL");

            Lookup.Authenticated carol = assertInstanceOf(Lookup.Authenticated.class, ldap.authenticate(server,
                    new GroupQuery(true, "memberOf", ""), "cdanvers", PlainPassword.of("carol-pw")));

            assertEquals(Optional.of(List.of("Sales, EMEA", "M\u00fcnchen Office")), carol.groupNames());
        }
    }

    @Test
    void aServerThatIsDownAnswersUnreachableAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LdapServer down = new LdapServer("Down", "127.0.0.1", Optional.of(closedPort), "mail", "uid", "", "",
                EmbeddedDirectory.BASE_DN, "", false, false, "", true, "ALL");

        assertEquals(new Lookup.Refused(Reason.UNREACHABLE), signIn(down, "alice", ALICE_PASSWORD));
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheResponseTimeout() throws IOException {
        UnboundIdLdapDirectory impatient = new UnboundIdLdapDirectory(
                new LdapConnectionSettings(Duration.ofMillis(300), Duration.ofMillis(300), 1));
        try (ServerSocket silent = new ServerSocket(0, 10, java.net.InetAddress.getByName("127.0.0.1"))) {
            LdapServer mute = new LdapServer("Mute", "127.0.0.1", Optional.of(silent.getLocalPort()), "mail", "uid",
                    EmbeddedDirectory.APP_DN, EmbeddedDirectory.APP_PASSWORD, EmbeddedDirectory.BASE_DN, "", false,
                    false, "", true, "ALL");

            Lookup lookup = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> impatient.authenticate(mute, GroupQuery.NONE, "alice", ALICE_PASSWORD),
                    "the timeouts bound the call; this bound only catches a hang");

            assertEquals(new Lookup.Refused(Reason.UNREACHABLE), lookup);
        } finally {
            impatient.close();
        }
    }
}
