package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;

/** A reversible "hash" for fast tests: never use outside tests. */
public class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "fake$";

    @Override
    public PasswordHash hash(PlainPassword password) {
        return new PasswordHash(PREFIX + password.reveal());
    }

    @Override
    public boolean verify(PlainPassword candidate, Credential stored) {
        return stored.passwordHash().map(hash -> hash.encoded().equals(PREFIX + candidate.reveal())).orElse(false);
    }
}
