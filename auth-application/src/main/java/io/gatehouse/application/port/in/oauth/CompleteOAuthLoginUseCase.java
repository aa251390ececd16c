package io.gatehouse.application.port.in.oauth;

import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.domain.throttle.ClientAddress;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The second half of a single sign-on (Open WebUI §7.4): the provider's answer becomes a session, through the
 * account rules (allowed domains, merge only for verified e-mails, sign-up switch, role and group management).
 * A failed provider login carries a short detail fit for the login page (never a token or code); the precise reason
 * of every refusal goes to the audit trail.
 */
public interface CompleteOAuthLoginUseCase {

    Result complete(Command command);

    /**
     * @param parameters the callback's query (or form) parameters
     * @param loginKey   the key of the kept login state, from the browser's cookie; it is used once
     */
    record Command(String provider, Map<String, String> parameters, Optional<String> loginKey, ClientAddress from) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(loginKey, "loginKey");
            Objects.requireNonNull(from, "from");
        }
    }

    sealed interface Result {
        /**
         * {@code idpSessionId}: the session kept at the provider (its tokens sealed server-side), for the browser's
         * {@code oauth_session_id} cookie, so that signing out ends it too. {@code idToken}: the provider's raw
         * id_token (OpenID providers), for Open WebUI's legacy {@code oauth_id_token} cookie; a credential, never
         * shown by {@link #toString()}.
         */
        record SignedIn(Session session, String idpSessionId, Optional<String> idToken) implements Result {
            public SignedIn {
                Objects.requireNonNull(session, "session");
                Objects.requireNonNull(idpSessionId, "idpSessionId");
                Objects.requireNonNull(idToken, "idToken");
            }

            @Override
            public String toString() {
                return "SignedIn[user=" + session.user().id() + "]";
            }
        }

        /** {@code detail}: what went wrong with the provider, for {@link Refusal#PROVIDER_LOGIN_FAILED}. */
        record Refused(Refusal reason, Optional<String> detail) implements Result {
        }
    }

    enum Refusal {
        UNKNOWN_PROVIDER,
        /** State missing, expired or forged; code or token refused; provider error or unreachable. */
        PROVIDER_LOGIN_FAILED,
        /** No usable e-mail, or its domain is not allowed. */
        INVALID_IDENTITY,
        SIGNUP_DISABLED,
        /** An account has the e-mail but merging is off or the e-mail is not verified. */
        EMAIL_TAKEN,
        /** Role management refused the roles the provider sent. */
        ROLE_REFUSED
    }
}
