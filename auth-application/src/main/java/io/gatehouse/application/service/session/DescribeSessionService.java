package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.DescribeSessionUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.service.EffectivePermissions;

import java.util.Objects;

/** The caller's account and effective permissions. */
public final class DescribeSessionService implements DescribeSessionUseCase {

    private final EffectivePermissions permissions;

    public DescribeSessionService(EffectivePermissions permissions) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public SessionInfo describe(Principal principal) {
        return new SessionInfo(principal.user(), permissions.of(principal));
    }
}
