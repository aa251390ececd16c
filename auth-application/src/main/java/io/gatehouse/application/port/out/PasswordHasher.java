package io.gatehouse.application.port.out;

import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;

/**
 * Slow, salted password hashing. Callers only hash passwords the {@link io.gatehouse.domain.credential.PasswordPolicy}
 * accepted, so inputs are at most 72 UTF-8 bytes.
 */
public interface PasswordHasher {

    PasswordHash hash(PlainPassword password);

    /**
     * Whether the candidate matches the stored credential. Costs one hash on every path, including an account
     * without a password (pass {@link Credential#none()} for an e-mail that has no account) and a hash that cannot
     * be read, so the time taken tells nothing about the account.
     */
    boolean verify(PlainPassword candidate, Credential stored);

}
