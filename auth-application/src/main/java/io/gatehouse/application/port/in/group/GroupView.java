package io.gatehouse.application.port.in.group;

import io.gatehouse.domain.group.Group;

import java.util.Objects;

/** A group and how many distinct users belong to it. */
public record GroupView(Group group, long memberCount) {

    public GroupView {
        Objects.requireNonNull(group, "group");
        if (memberCount < 0) {
            throw new IllegalArgumentException("memberCount must not be negative");
        }
    }
}
