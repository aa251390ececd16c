package io.gatehouse.application.port.out.oauth;

import java.util.Objects;

/** The verdict on a back-channel logout token: a valid logout notice, or a refusal with its reason. */
public sealed interface LogoutTokenOutcome permits LogoutTokenOutcome.Valid, LogoutTokenOutcome.Refused {

    /** The provider asks to end the sessions the notice names. */
    record Valid(LogoutNotice notice) implements LogoutTokenOutcome {
        public Valid {
            Objects.requireNonNull(notice, "notice");
        }
    }

    /** The token must not be acted on. */
    record Refused(LogoutTokenRefusal reason) implements LogoutTokenOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
