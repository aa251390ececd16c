package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.throttle.ClientAddress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in by a reverse proxy that has already authenticated the user and names them in trusted headers (Open WebUI
 * §8). The account is created on first sign-in whatever {@code ENABLE_SIGNUP} says, since the proxy is trusted;
 * memberships follow the groups header among existing groups; the role header, when valid, sets the role.
 */
public interface SignInWithTrustedHeaderUseCase {

    Result signIn(Command command);

    /**
     * What the proxy sent: {@code email} as is; {@code groups} empty when the header is not configured or carried
     * nothing; {@code role} empty when not configured or sent.
     */
    record Command(String email, Optional<String> name, Optional<List<String>> groups, Optional<String> role,
                   ClientAddress from) {
        public Command {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(from, "from");
        }
    }

    sealed interface Result {
        record SignedIn(Session session) implements Result {
        }

        record Refused(Refusal reason) implements Result {
        }
    }

    enum Refusal {
        PASSWORD_AUTH_DISABLED,
        /** The e-mail header is missing or does not hold an address. */
        INVALID_HEADER
    }
}
