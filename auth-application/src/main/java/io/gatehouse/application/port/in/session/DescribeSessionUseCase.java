package io.gatehouse.application.port.in.session;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.User;

import java.util.Objects;

/** Who the caller is and what they may do now (Open WebUI's {@code GET /api/v1/auths/}). */
public interface DescribeSessionUseCase {

    SessionInfo describe(Principal principal);

    /** The account and its effective permissions: the defaults merged with every group's. */
    record SessionInfo(User user, PermissionTree permissions) {
        public SessionInfo {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(permissions, "permissions");
        }
    }
}
