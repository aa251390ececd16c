package io.gatehouse.domain.credential;

import java.util.Objects;
import java.util.Optional;

/**
 * What we keep to check a user's password: a hash, or the explicit fact that the account has no password (accounts
 * made by single sign-on, LDAP or a trusted proxy). Open WebUI stores a random string instead; an explicit marker
 * cannot be mistaken for a hash.
 */
public sealed interface Credential {

    static Credential password(PasswordHash hash) {
        return new Password(hash);
    }

    static Credential none() {
        return NoPassword.INSTANCE;
    }

    /** The hash, when the account has a password. */
    Optional<PasswordHash> passwordHash();

    /** The account signs in with a password. */
    record Password(PasswordHash hash) implements Credential {
        public Password {
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public Optional<PasswordHash> passwordHash() {
            return Optional.of(hash);
        }
    }

    /** The account has no password: no password can sign in to it. */
    final class NoPassword implements Credential {
        private static final NoPassword INSTANCE = new NoPassword();

        private NoPassword() {
        }

        @Override
        public Optional<PasswordHash> passwordHash() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "NoPassword";
        }
    }
}
