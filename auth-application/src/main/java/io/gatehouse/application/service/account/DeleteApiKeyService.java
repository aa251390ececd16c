package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.DeleteApiKeyUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.ApiKeyPermission;

import java.util.Objects;

/** Deletes the caller's key; the next request with it is refused. */
public final class DeleteApiKeyService implements DeleteApiKeyUseCase {

    private final ApiKeyPermission permission;
    private final ApiKeyRepository apiKeys;
    private final AuthEvents events;

    public DeleteApiKeyService(ApiKeyPermission permission, ApiKeyRepository apiKeys,
                               AuthEvents events) {
        this.permission = Objects.requireNonNull(permission, "permission");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Result delete(Principal principal) {
        if (!permission.allows(principal.user(), principal.groupPermissions())) {
            return new Result.NotAllowed();
        }
        boolean existed = apiKeys.deleteByUser(principal.user().id());
        if (existed) {
            events.publish(new AuthEvent.ApiKeyDeleted(principal.user().id()));
        }
        return new Result.Deleted(existed);
    }
}
