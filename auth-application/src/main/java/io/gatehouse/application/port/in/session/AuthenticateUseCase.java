package io.gatehouse.application.port.in.session;

import java.util.Objects;

/**
 * Recognises the caller of a request from the credential they present: a session token, or an API key
 * ({@code sk-...}). Runs on every request, so it costs at most a few indexed reads.
 */
public interface AuthenticateUseCase {

    Result authenticate(Command command);

    /**
     * @param credential  what the request carried (bearer token, {@code token} cookie or API-key header)
     * @param requestPath the path called, for the API-key endpoint allow-list
     */
    record Command(String credential, String requestPath) {
        public Command {
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(requestPath, "requestPath");
        }
    }

    sealed interface Result {
        record Authenticated(Principal principal) implements Result {
        }

        record Refused(Refusal reason) implements Result {
        }
    }

    enum Refusal {
        /** Not a token we signed, of another type, tampered or expired. */
        INVALID_TOKEN,
        /** Signed out, or revoked by a password or role change. */
        REVOKED_TOKEN,
        /** The token's account no longer exists. */
        UNKNOWN_USER,
        UNKNOWN_API_KEY,
        EXPIRED_API_KEY,
        /** API keys are off, or the owner may not use them. */
        API_KEYS_NOT_ALLOWED,
        /** API keys are restricted to other paths. */
        API_KEY_ENDPOINT_NOT_ALLOWED
    }
}
