package io.gatehouse.application.port.in.group;

import io.gatehouse.application.port.in.session.Principal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups a caller may see: every group for an admin, the groups they belong to for anyone else. {@code share}
 * keeps only groups that may be shared to ({@code true}: anyone or members) or only those that may not ({@code false}).
 */
public interface ListGroupsUseCase {

    List<GroupView> list(Query query);

    record Query(Principal caller, Optional<Boolean> share) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(share, "share");
        }
    }
}
