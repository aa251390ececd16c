package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.GetApiKeyUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.service.ApiKeyPermission;

import java.util.Objects;

/** The caller's key as stored: hint and dates, never the key. */
public final class GetApiKeyService implements GetApiKeyUseCase {

    private final ApiKeyPermission permission;
    private final ApiKeyRepository apiKeys;

    public GetApiKeyService(ApiKeyPermission permission, ApiKeyRepository apiKeys) {
        this.permission = Objects.requireNonNull(permission, "permission");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    @Override
    public Result get(Principal principal) {
        if (!permission.allows(principal.user(), principal.groupPermissions())) {
            return new Result.NotAllowed();
        }
        return apiKeys.findByUser(principal.user().id())
                .<Result>map(Result.Found::new)
                .orElseGet(Result.Absent::new);
    }
}
