package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;
import io.gatehouse.domain.user.UserSearch.Order;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListUsersServiceTest {

    private TestGatehouse gatehouse;

    @BeforeEach
    void fiveAccounts() {
        gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);
        Accounts.member(gatehouse, "bob@example.org", Role.USER);
        Accounts.member(gatehouse, "carol@example.org", Role.PENDING);
        Accounts.member(gatehouse, "dave@other.org", Role.USER);
        Accounts.member(gatehouse, "erin@other.org", Role.USER);
    }

    private static List<String> emails(UserPage page) {
        return page.users().stream().map(User::email).map(Object::toString).collect(Collectors.toList());
    }

    @Test
    void accountsComePageByPageWithTheTotal() {
        UserPage second = gatehouse.listUsers.list(new UserSearch(Optional.empty(), Order.CREATED_AT, true, 2, 2));

        assertEquals(List.of("carol@example.org", "dave@other.org"), emails(second));
        assertEquals(5, second.total());
    }

    @Test
    void aSearchKeepsAccountsWhoseNameOrEmailContainsTheText() {
        UserPage found = gatehouse.listUsers.list(new UserSearch(Optional.of("OTHER"), Order.EMAIL, false, 1, 30));

        assertEquals(List.of("erin@other.org", "dave@other.org"), emails(found));
        assertEquals(2, found.total());
    }
}
