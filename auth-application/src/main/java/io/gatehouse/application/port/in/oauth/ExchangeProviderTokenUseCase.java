package io.gatehouse.application.port.in.oauth;

import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.domain.throttle.ClientAddress;

import java.util.Objects;

/**
 * Token exchange (Open WebUI §1.14): a client that holds a provider's access token for a user (a mobile app, a script)
 * gets a Gatehouse session for that user's existing account. The provider says whom the token belongs to; no account
 * is created this way, and an account is joined by e-mail only when the provider verified it.
 */
public interface ExchangeProviderTokenUseCase {

    Result exchange(Command command);

    record Command(String provider, String accessToken, ClientAddress from) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String toString() {
            return "Command[provider=" + provider + ", from=" + from + "]";
        }
    }

    sealed interface Result {
        record SignedIn(Session session) implements Result {
        }

        record Refused(Refusal reason) implements Result {
        }
    }

    enum Refusal {
        /** {@code ENABLE_OAUTH_TOKEN_EXCHANGE} is off. */
        DISABLED,
        RATE_LIMITED,
        UNKNOWN_PROVIDER,
        /**
         * Trusted clients are configured and the provider's introspection does not say which client the token was
         * issued to (no introspection endpoint, an inactive token, no {@code client_id}).
         */
        UNKNOWN_TOKEN_CLIENT,
        /** The token was issued to a client that is not among the trusted ones. */
        UNTRUSTED_CLIENT,
        /** The provider does not know the token, or names no subject for it. */
        INVALID_TOKEN,
        MISSING_EMAIL,
        DOMAIN_NOT_ALLOWED,
        /** No account has this identity (or its verified e-mail, when merging is on). */
        NO_ACCOUNT
    }
}
