package io.gatehouse.application.port.in.account;

import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A user makes an API key (Open WebUI §1.13), replacing their previous one. The key is shown once, in the result;
 * only its digest is kept. Allowed when API keys are on and the user is an admin or has {@code features.api_keys}.
 */
public interface CreateApiKeyUseCase {

    Result create(Command command);

    /** {@code validity}: how long the key works; empty for a key that does not expire. */
    record Command(Principal principal, Optional<Duration> validity) {
        public Command {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(validity, "validity");
        }
    }

    sealed interface Result {
        record Created(ApiKeySecret secret, ApiKey key) implements Result {
        }

        record NotAllowed() implements Result {
        }
    }
}
