package io.gatehouse.domain.group;

import io.gatehouse.domain.user.UserId;

import java.util.Objects;

/** One reason a user belongs to a group. A user may belong to a group for several reasons at once. */
public record Membership(GroupId groupId, UserId userId, MembershipSource source) {

    public Membership {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(source, "source");
    }
}
