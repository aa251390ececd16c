package io.gatehouse.domain.group;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of users that grants its members a permission tree (Open WebUI §3.6). Immutable.
 *
 * <p>{@code data} and {@code meta} are open objects kept for clients; {@code data.config.share} says who may share
 * resources to the group ({@link ShareSetting}).
 */
public final class Group {

    /** Longest description we keep. */
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    private static final String SHARE_PATH = "config.share";

    private final GroupId id;
    private final GroupName name;
    private final String description;
    private final PermissionTree permissions;
    private final FreeFormData data;
    private final FreeFormData meta;
    private final UserId creatorId;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Group(GroupId id, GroupName name, String description, PermissionTree permissions, FreeFormData data,
                  FreeFormData meta, UserId creatorId, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.description = requireValidDescription(description);
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.data = Objects.requireNonNull(data, "data");
        this.meta = Objects.requireNonNull(meta, "meta");
        this.creatorId = Objects.requireNonNull(creatorId, "creatorId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A new group. When {@code data} does not say who may share to it, {@code defaultShare} does
     * ({@code DEFAULT_GROUP_SHARE_PERMISSION}).
     */
    public static Group create(GroupName name, String description, PermissionTree permissions, FreeFormData data,
                               ShareSetting defaultShare, UserId creatorId, Instant now) {
        FreeFormData withShare = data.valueAt(SHARE_PATH) == null ? data.with(SHARE_PATH, defaultShare.jsonValue()) : data;
        return new Group(GroupId.random(), name, description, permissions, withShare, FreeFormData.empty(), creatorId,
                now, now);
    }

    /** A group as it was stored. For persistence adapters only. */
    public static Group reconstitute(GroupId id, GroupName name, String description, PermissionTree permissions,
                                     FreeFormData data, FreeFormData meta, UserId creatorId, Instant createdAt,
                                     Instant updatedAt) {
        return new Group(id, name, description, permissions, data, meta, creatorId, createdAt, updatedAt);
    }

    private static String requireValidDescription(String description) {
        Objects.requireNonNull(description, "description");
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("a description has at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return description;
    }

    /** The same group with new name, description, permissions and data; {@code meta} and the creator stay. */
    public Group revised(GroupName newName, String newDescription, PermissionTree newPermissions, FreeFormData newData,
                         Instant now) {
        return new Group(id, newName, newDescription, newPermissions, newData, meta, creatorId, createdAt, now);
    }

    public GroupId id() {
        return id;
    }

    public GroupName name() {
        return name;
    }

    public String description() {
        return description;
    }

    public PermissionTree permissions() {
        return permissions;
    }

    public FreeFormData data() {
        return data;
    }

    public FreeFormData meta() {
        return meta;
    }

    /** Who may share to the group, when {@code data} says so in a form we know. */
    public Optional<ShareSetting> share() {
        Object value = data.valueAt(SHARE_PATH);
        for (ShareSetting setting : ShareSetting.values()) {
            if (setting.jsonValue().equals(value)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    public UserId creatorId() {
        return creatorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Group && ((Group) other).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Group[" + id + ", " + name + "]";
    }
}
