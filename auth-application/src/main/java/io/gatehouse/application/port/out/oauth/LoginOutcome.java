package io.gatehouse.application.port.out.oauth;

import java.util.Objects;

/** How a login callback ended: an external identity, or a refusal with its reason. */
public sealed interface LoginOutcome permits LoginOutcome.SignedIn, LoginOutcome.Refused {

    /** The provider vouched for this identity. */
    record SignedIn(ExternalIdentity identity) implements LoginOutcome {
        public SignedIn {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** The login was refused; the reason is for the audit log, never for the browser in detail. */
    record Refused(LoginRefusal reason) implements LoginOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
