package io.gatehouse.adapter.crypto;

import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PlainPassword;
import org.mindrot.jbcrypt.BCrypt;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt through jbcrypt 0.4, which writes {@code $2a$} hashes.
 *
 * <p>Verification also accepts the {@code $2b$} hashes of Python's bcrypt (Open WebUI) and the {@code $2y$} hashes of
 * PHP and Node libraries (LibreChat): for inputs of at most 72 bytes the three revisions compute the same function,
 * so the prefix is rewritten to the {@code $2a$} jbcrypt reads. A candidate longer than 72 bytes is judged on its
 * first 72, as Open WebUI cuts it at sign-in (§4.2), so passwords set before the limit existed still verify.
 *
 * <p>Every call to {@link #verify} costs one bcrypt computation: an account without a password, an unknown e-mail
 * ({@link Credential#none()}) and a stored hash that cannot be read are checked against a decoy hash made with the
 * configured cost, and answer false, so the time taken tells nothing about the account. The decoy is bcrypt's form
 * with a random salt and a random digest: checking a password against it costs exactly the rounds of a real hash of
 * that cost, no password hashes to it, and making it costs the start nothing.
 *
 * <p>{@link #hash} refuses passwords over 72 UTF-8 bytes rather than letting bcrypt ignore their end. Thread-safe.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    /** The smallest cost bcrypt defines. */
    public static final int MIN_COST = 4;
    /** The largest cost jbcrypt 0.4 computes: it counts 2^cost rounds in a signed int, so 31 is refused. */
    public static final int MAX_COST = 30;

    /** {@code $2<revision>$<cost>$} then 22 characters of salt and 31 of hash, in bcrypt's base-64 alphabet. */
    private static final Pattern READABLE_HASH = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final int REVISION_END = 4;
    private static final String JBCRYPT_REVISION = "$2a$";
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** The characters of a hash's digest, after its 22 of salt. */
    private static final int DIGEST = 31;

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final String decoy;

    /**
     * @param cost the log2 of the number of rounds of new hashes, {@value #MIN_COST} to {@value #MAX_COST} (Open WebUI
     *             uses 12); existing hashes verify at whatever cost they were made with
     * @throws IllegalArgumentException when the cost is out of range
     */
    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException(
                    "the bcrypt cost is between " + MIN_COST + " and " + MAX_COST + ", not " + cost);
        }
        this.cost = cost;
        // a real salt (gensalt hashes nothing) and a random digest
        StringBuilder decoy = new StringBuilder(BCrypt.gensalt(cost, random));
        for (int i = 0; i < DIGEST; i++) {
            decoy.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
        }
        this.decoy = decoy.toString();
    }

    /** @throws IllegalArgumentException when the password has more than 72 UTF-8 bytes */
    @Override
    public PasswordHash hash(PlainPassword password) {
        if (password.utf8Length() > PasswordPolicy.MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("bcrypt reads only the first " + PasswordPolicy.MAX_UTF8_BYTES
                    + " UTF-8 bytes of a password: a longer one is refused rather than cut");
        }
        return new PasswordHash(BCrypt.hashpw(password.reveal(), BCrypt.gensalt(cost, random)));
    }

    @Override
    public boolean verify(PlainPassword candidate, Credential stored) {
        Optional<String> readable = stored.passwordHash().map(PasswordHash::encoded)
                .flatMap(BcryptPasswordHasher::asJbcryptHash);
        if (readable.isEmpty()) {
            // Spend what a real check spends; the decoy's digest is random, so this cannot match.
            BCrypt.checkpw(candidate.reveal(), decoy);
            return false;
        }
        // jbcrypt 0.4 compares the two hashes without an early return.
        return BCrypt.checkpw(candidate.reveal(), readable.get());
    }

    /** What checks without a readable hash are made against: for tests of its form. */
    String decoy() {
        return decoy;
    }

    /**
     * The hash with the {@code $2a$} prefix jbcrypt reads, or empty when jbcrypt could not read it: checking the
     * shape first is what keeps jbcrypt's exceptions (and their index errors on short input) out of {@code verify}.
     */
    private static Optional<String> asJbcryptHash(String encoded) {
        Matcher matcher = READABLE_HASH.matcher(encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int hashCost = Integer.parseInt(matcher.group(1));
        if (hashCost < MIN_COST || hashCost > MAX_COST) {
            return Optional.empty();
        }
        return Optional.of(JBCRYPT_REVISION + encoded.substring(REVISION_END));
    }
}
