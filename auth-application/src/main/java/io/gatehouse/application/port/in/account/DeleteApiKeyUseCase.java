package io.gatehouse.application.port.in.account;

import io.gatehouse.application.port.in.session.Principal;

/** A user deletes their API key; it stops working at once. Same permission as creating one. */
public interface DeleteApiKeyUseCase {

    Result delete(Principal principal);

    sealed interface Result {
        /** {@code existed}: whether there was a key to delete. */
        record Deleted(boolean existed) implements Result {
        }

        record NotAllowed() implements Result {
        }
    }
}
