package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.throttle.ClientAddress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in with e-mail and password (Open WebUI §1.2). An unknown e-mail answers exactly as a wrong password does and
 * costs the same hash. Attempts are throttled per account and address, per account, and per address; a throttled
 * attempt never reaches the hasher. In single-user mode ({@code WEBUI_AUTH=false}) it signs in the fixed account.
 */
public interface SignInWithPasswordUseCase {

    Result signIn(Command command);

    /** {@code email} is as typed: it is normalised here, and anything that is not an address is simply unknown. */
    record Command(String email, PlainPassword password, ClientAddress from) {
        public Command {
            Objects.requireNonNull(email, "email");
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
        PASSWORD_AUTH_DISABLED,
        /** Unknown e-mail, wrong password, or an account without a password: one answer for all. */
        INVALID_CREDENTIALS,
        RATE_LIMITED,
        /** Single-user mode, but accounts other than the fixed one exist. */
        EXISTING_USERS
    }
}
