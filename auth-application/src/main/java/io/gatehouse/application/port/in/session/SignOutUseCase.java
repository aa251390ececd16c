package io.gatehouse.application.port.in.session;

import java.util.Objects;
import java.util.Optional;

/**
 * Signing out (Open WebUI §1.4): the presented session token is revoked durably, so it is refused from now on, on
 * every instance. Signing out without a token, or with one already invalid, succeeds and changes nothing.
 */
public interface SignOutUseCase {

    Result signOut(Command command);

    record Command(Optional<String> presentedToken) {
        public Command {
            Objects.requireNonNull(presentedToken, "presentedToken");
        }
    }

    /** Where the front end should go next, when the instance says so. */
    record Result(Optional<String> redirectUrl) {
        public Result {
            Objects.requireNonNull(redirectUrl, "redirectUrl");
        }
    }
}
