package io.gatehouse.adapter.crypto;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BcryptPasswordHasherTest {

    /** The smallest cost, to keep the tests fast. */
    private static final int COST = 4;
    private static final PlainPassword RIGHT = PlainPassword.of("correct horse battery staple");
    private static final PlainPassword WRONG = PlainPassword.of("correct horse battery stapler");
    /** A well-formed {@code $2b$} hash of {@link #RIGHT}, the base the malformed variants are cut from. */
    private static final String VALID_2B = favreHash(BCrypt.Version.VERSION_2B, RIGHT);

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(COST);

    private static String favreHash(BCrypt.Version version, PlainPassword password) {
        return BCrypt.with(version).hashToString(COST, password.reveal().toCharArray());
    }

    private static Credential stored(String encoded) {
        return Credential.password(new PasswordHash(encoded));
    }

    @Test
    void aHashVerifiesWithItsPasswordAndNotWithAnother() {
        Credential credential = Credential.password(hasher.hash(RIGHT));

        assertTrue(hasher.verify(RIGHT, credential));
        assertFalse(hasher.verify(WRONG, credential));
    }

    @Test
    void newHashesAreJbcryptsRevisionAtTheConfiguredCost() {
        assertTrue(hasher.hash(RIGHT).encoded().startsWith("$2a$04$"));
        assertTrue(new BcryptPasswordHasher(5).hash(RIGHT).encoded().startsWith("$2a$05$"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertNotEquals(hasher.hash(RIGHT).encoded(), hasher.hash(RIGHT).encoded());
    }

    @Test
    void hashesOfAnotherLibraryVerify() {
        Credential credential = stored(favreHash(BCrypt.Version.VERSION_2A, RIGHT));

        assertTrue(hasher.verify(RIGHT, credential));
        assertFalse(hasher.verify(WRONG, credential));
    }

    @Test
    void dollar2bHashesAsPythonBcryptWritesThemVerify() {
        assertTrue(VALID_2B.startsWith("$2b$04$"));
        assertTrue(hasher.verify(RIGHT, stored(VALID_2B)));
        assertFalse(hasher.verify(WRONG, stored(VALID_2B)));
    }

    @Test
    void dollar2yHashesVerify() {
        String hash = favreHash(BCrypt.Version.VERSION_2Y, RIGHT);

        assertTrue(hash.startsWith("$2y$04$"));
        assertTrue(hasher.verify(RIGHT, stored(hash)));
        assertFalse(hasher.verify(WRONG, stored(hash)));
    }

    @Test
    void nonAsciiPasswordsVerifyAcrossLibraries() {
        PlainPassword password = PlainPassword.of("pässwörd-密码-🔑");

        assertTrue(hasher.verify(password, stored(favreHash(BCrypt.Version.VERSION_2B, password))));
        assertTrue(favreVerifies(password, hasher.hash(password)));
    }

    @Test
    void ourHashesVerifyInAnotherLibrary() {
        assertTrue(favreVerifies(RIGHT, hasher.hash(RIGHT)));
        assertFalse(favreVerifies(WRONG, hasher.hash(RIGHT)));
    }

    private static boolean favreVerifies(PlainPassword password, PasswordHash hash) {
        return BCrypt.verifyer().verify(password.reveal().toCharArray(), hash.encoded()).verified;
    }

    static Stream<String> unreadableHashes() {
        String body = VALID_2B.substring(7);
        return Stream.of(
                "not a hash",
                "$2b$",
                "$2b$04$",
                "$2x$04$" + body,                       // crypt_blowfish's buggy revision
                "$2$04$" + body,
                "$2b$4$" + body,
                "$2b$03$" + body,                       // below bcrypt's smallest cost
                "$2b$31$" + body,                       // beyond what jbcrypt computes
                "$2b$99$" + body,
                "$2b$04$" + body.substring(1),          // one character short
                "$2b$04$" + body + "A",                 // one character long
                "$2b$04$" + "!" + body.substring(1),    // outside bcrypt's alphabet
                "$2b$04$" + "é" + body.substring(1),
                " " + VALID_2B,
                VALID_2B + "\n",
                "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
                "5f0c2e6a-6a4b-4b4e-9b7a-2d3c1e0f9a8b"  // Open WebUI's LDAP accounts store a raw UUID
        );
    }

    @ParameterizedTest
    @MethodSource("unreadableHashes")
    void anUnreadableHashVerifiesNothingAndDoesNotThrow(String encoded) {
        assertFalse(hasher.verify(RIGHT, stored(encoded)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "correct horse battery staple", "anything"})
    void anAccountWithoutPasswordVerifiesNothing(String candidate) {
        assertFalse(hasher.verify(PlainPassword.of(candidate), Credential.none()));
    }

    @Test
    void theDecoyIsAReadableHashAtTheConfiguredCostThatNoPasswordMatchesAndEachHasherHasItsOwn() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(5);
        String decoy = hasher.decoy();

        assertTrue(decoy.matches("\\$2a\\$05\\$[./A-Za-z0-9]{53}"), decoy);
        assertEquals(decoy.substring(0, 29), org.mindrot.jbcrypt.BCrypt.hashpw("anything", decoy).substring(0, 29),
                "jbcrypt takes its cost and salt, so a check costs a real hash of that cost");
        assertFalse(org.mindrot.jbcrypt.BCrypt.checkpw("anything", decoy));
        assertNotEquals(decoy, new BcryptPasswordHasher(5).decoy());
    }

    @Test
    void aPasswordOfExactly72BytesIsHashed() {
        PlainPassword longest = PlainPassword.of("€".repeat(24));  // 3 bytes each

        assertEquals(72, longest.utf8Length());
        assertTrue(hasher.verify(longest, Credential.password(hasher.hash(longest))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0123456789012345678901234567890123456789012345678901234567890123456789012",  // 73 ASCII bytes
            "ééééééééééééééééééééééééééééééééééééa"                                          // 36 × 2 + 1 bytes
    })
    void aPasswordOfMoreThan72BytesIsRefusedRatherThanCut(String tooLong) {
        PlainPassword password = PlainPassword.of(tooLong);

        assertEquals(73, password.utf8Length());
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(password));
    }

    @Test
    void aCandidateIsJudgedOnItsFirst72BytesAsOpenWebUiCutsItAtSignIn() {
        PlainPassword first72 = PlainPassword.of("x".repeat(72));
        Credential credential = Credential.password(hasher.hash(first72));

        assertTrue(hasher.verify(PlainPassword.of("x".repeat(72) + "ignored"), credential));
        assertFalse(hasher.verify(PlainPassword.of("x".repeat(71)), credential));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 31, 32})
    void aCostOutsideWhatJbcryptComputesIsRefused(int cost) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new BcryptPasswordHasher(cost));

        assertTrue(refused.getMessage().contains("between 4 and 30"));
    }
}
