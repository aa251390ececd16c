package io.gatehouse.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts to list: those whose name or e-mail contains {@code text} (case-insensitive) when it is present,
 * sorted, one page at a time. Pages count from 1.
 */
public record UserSearch(Optional<String> text, Order order, boolean ascending, int page, int pageSize) {

    /** Open WebUI's page size. */
    public static final int DEFAULT_PAGE_SIZE = 30;

    public UserSearch {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(order, "order");
        if (page < 1 || pageSize < 1) {
            throw new IllegalArgumentException("pages and page sizes start at 1");
        }
    }

    /** What accounts can be sorted by. */
    public enum Order {
        NAME, EMAIL, ROLE, CREATED_AT, UPDATED_AT, LAST_ACTIVE_AT
    }
}
