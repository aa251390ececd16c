package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.throttle.ClientAddress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in against the LDAP or Active Directory servers (Open WebUI §1.8, §6.2), tried in order. A first sign-in
 * creates the local account, matched to existing ones by e-mail; memberships follow the directory's groups when group
 * management is on. Every failure about the user (unknown, wrong or blank password, mismatched entry, no e-mail)
 * gives the same refusal, so nothing can be learnt about who exists; attempts are throttled as password sign-ins are.
 */
public interface SignInWithLdapUseCase {

    Result signIn(Command command);

    /** {@code username} as typed; it is lower-cased, as Open WebUI does, before the search. */
    record Command(String username, PlainPassword password, ClientAddress from) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(from, "from");
        }
    }

    sealed interface Result {
        record SignedIn(Session session) implements Result {
        }

        /** {@code retryAfter} is present for {@link Refusal#RATE_LIMITED}. */
        record Refused(Refusal reason, Optional<Duration> retryAfter) implements Result {
        }
    }

    enum Refusal {
        /** LDAP sign-in is switched off ({@code ENABLE_LDAP}). */
        NOT_ENABLED,
        PASSWORD_AUTH_DISABLED,
        /** The one answer for everything about the user. */
        FAILED,
        RATE_LIMITED,
        /** No server answered about the user: all down, too slow, or unusable as configured. */
        UNAVAILABLE
    }
}
