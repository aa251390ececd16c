package io.gatehouse.domain.user;

import java.util.List;

/** One page of accounts, and how many match the search in all. */
public record UserPage(List<User> users, long total) {

    public UserPage {
        users = List.copyOf(users);
    }
}
