package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.admin.ListUsersUseCase;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;

import java.util.Objects;

/** One page of accounts. */
public final class ListUsersService implements ListUsersUseCase {

    private final UserRepository users;

    public ListUsersService(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public UserPage list(UserSearch search) {
        return users.find(search);
    }
}
