package io.gatehouse.application.port.in.admin;

import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;

/** An admin lists accounts, page by page (Open WebUI's {@code GET /api/v1/users/}). */
public interface ListUsersUseCase {

    UserPage list(UserSearch search);
}
