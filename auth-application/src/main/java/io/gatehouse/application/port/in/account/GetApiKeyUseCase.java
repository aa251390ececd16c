package io.gatehouse.application.port.in.account;

import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.apikey.ApiKey;

/** A user looks at their API key: its hint and dates, never the key itself. Same permission as creating one. */
public interface GetApiKeyUseCase {

    Result get(Principal principal);

    sealed interface Result {
        record Found(ApiKey key) implements Result {
        }

        record Absent() implements Result {
        }

        record NotAllowed() implements Result {
        }
    }
}
