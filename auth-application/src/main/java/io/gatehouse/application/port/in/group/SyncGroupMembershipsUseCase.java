package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a user's memberships of one source in line with what an identity provider says, by the rules of
 * {@link MembershipSync}: only that source's memberships change, blocked groups are never touched, missing groups
 * are created only when the sync says so, an empty list leaves every group of the source, an absent one changes
 * nothing. LDAP, OAuth and trusted-header sign-in all call this.
 */
public interface SyncGroupMembershipsUseCase {

    Result sync(Command command);

    /** {@code providerGroupNames}: what the provider sent, or empty when it sent no groups claim at all. */
    record Command(UserId userId, MembershipSync rules, Optional<? extends Collection<String>> providerGroupNames) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(providerGroupNames, "providerGroupNames");
        }
    }

    /** What changed: groups made, joined (made ones included) and left. */
    record Result(List<GroupName> created, List<GroupId> joined, List<GroupId> left) {
        public Result {
            created = List.copyOf(created);
            joined = List.copyOf(joined);
            left = List.copyOf(left);
        }
    }
}
