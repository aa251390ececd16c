package io.gatehouse.application.port.in.session;

import java.util.Objects;
import java.util.Optional;

/**
 * Signing out (Open WebUI §1.4): the presented session token is revoked durably, so it is refused from now on, on
 * every instance. Signing out without a token, or with one already invalid, succeeds and changes nothing. A session
 * left at an identity provider by single sign-on is deleted with its tokens, and the provider's logout URL (with
 * {@code id_token_hint}, URL-encoded) becomes where the front end goes next.
 */
public interface SignOutUseCase {

    Result signOut(Command command);

    /** {@code idpSessionId}: the browser's {@code oauth_session_id} cookie, after a single sign-on. */
    record Command(Optional<String> presentedToken, Optional<String> idpSessionId) {
        public Command {
            Objects.requireNonNull(presentedToken, "presentedToken");
            Objects.requireNonNull(idpSessionId, "idpSessionId");
        }
    }

    /** Where the front end should go next, when the instance says so. */
    record Result(Optional<String> redirectUrl) {
        public Result {
            Objects.requireNonNull(redirectUrl, "redirectUrl");
        }
    }
}
