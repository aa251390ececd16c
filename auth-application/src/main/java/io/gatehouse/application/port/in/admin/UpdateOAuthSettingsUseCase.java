package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An admin changes the single sign-on settings (Open WebUI §10.4). They apply to the next login without a restart,
 * the generic OpenID provider included (rebuilt from them, where Open WebUI keeps the one of its start, #26917). With
 * {@code ENABLE_OAUTH_PERSISTENT_CONFIG} they are stored and reach every instance; without, they hold on this instance
 * until it stops, as in Open WebUI.
 */
public interface UpdateOAuthSettingsUseCase {

    Result update(Command command);

    /**
     * {@code change} is applied to the settings in force, so that it keeps what it does not touch; it may throw
     * {@link IllegalArgumentException} from the domain's checks (a provider URL that is not http(s) ...), which
     * refuses the change.
     */
    record Command(UserId actor, UnaryOperator<OAuthSettings> change) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(change, "change");
        }
    }

    /** The settings in force after the change, or why the change was refused and nothing changed. */
    sealed interface Result {
        record Updated(OAuthSettings settings) implements Result {
            public Updated {
                Objects.requireNonNull(settings, "settings");
            }
        }

        /** @param problem what is wrong, naming the setting by its Open WebUI name; never quotes a secret */
        record Refused(String problem) implements Result {
            public Refused {
                Objects.requireNonNull(problem, "problem");
            }
        }
    }
}
