package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.user.UserId;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An admin changes the LDAP settings (Open WebUI §10.3); they are stored, reach every instance, and apply to the next
 * sign-in without a restart.
 */
public interface UpdateLdapSettingsUseCase {

    /** The LDAP settings as stored. */
    LdapSettings update(Command command);

    /** {@code change} is applied to the settings as stored, so that it keeps what it does not touch. */
    record Command(UserId actor, UnaryOperator<LdapSettings> change) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(change, "change");
        }
    }
}
