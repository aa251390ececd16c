package io.gatehouse.application.port.out.oauth;

import java.util.Objects;

/** How a token refresh ended: new tokens, or a refusal with its reason. */
public sealed interface RefreshOutcome permits RefreshOutcome.Refreshed, RefreshOutcome.Refused {

    /** The provider issued new tokens. */
    record Refreshed(ProviderTokens tokens) implements RefreshOutcome {
        public Refreshed {
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** No new tokens; see the reason for whether trying later can help. */
    record Refused(RefreshRefusal reason) implements RefreshOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
