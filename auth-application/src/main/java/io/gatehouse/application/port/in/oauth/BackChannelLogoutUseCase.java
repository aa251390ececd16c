package io.gatehouse.application.port.in.oauth;

import java.util.Objects;

/**
 * OpenID Connect Back-Channel Logout 1.0 (Open WebUI §7.10): a provider ends a user's sessions. A valid logout token
 * names the user by subject or provider session; their Gatehouse tokens are revoked durably (not only in Redis) and
 * their sessions at providers are deleted. A token is accepted once ({@code jti}).
 */
public interface BackChannelLogoutUseCase {

    Result logOut(String logoutToken);

    sealed interface Result {
        /** Done; {@code users}: how many accounts it ended the sessions of (none is still a success). */
        record LoggedOut(int users) implements Result {
        }

        /** The token is refused; {@code description} is the {@code error_description} of the answer. */
        record Refused(String description) implements Result {
            public Refused {
                Objects.requireNonNull(description, "description");
            }
        }

        /** Back-channel logout is switched off ({@code ENABLE_OAUTH_BACKCHANNEL_LOGOUT}). */
        record NotEnabled() implements Result {
        }
    }
}
