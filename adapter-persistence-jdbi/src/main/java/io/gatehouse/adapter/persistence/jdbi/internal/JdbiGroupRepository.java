package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.GroupRepository;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.Membership;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.instant;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.known;
import static io.gatehouse.adapter.persistence.jdbi.internal.Columns.millis;

/**
 * Groups in {@code groups} (permissions, data and meta as JSON), memberships in {@code group_memberships}, one row
 * per (group, user, source). The unique index on the name makes a taken name an outcome; deleting a group or a user
 * cascades to their memberships.
 */
final class JdbiGroupRepository implements GroupRepository {

    private static final String GROUP_COLUMNS = "g.id, g.name, g.description, g.permissions, g.data, g.meta, "
            + "g.creator_id, g.created_at, g.updated_at";
    private static final String GROUPS_OF_MEMBER = " FROM groups g WHERE g.id IN "
            + "(SELECT m.group_id FROM group_memberships m WHERE m.user_id = :userId)";

    private final Database database;

    JdbiGroupRepository(Database database) {
        this.database = database;
    }

    @Override
    public List<Group> findAll() {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + GROUP_COLUMNS + " FROM groups g ORDER BY g.name")
                .map((row, context) -> group(row))
                .list());
    }

    @Override
    public Optional<Group> findById(GroupId id) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + GROUP_COLUMNS + " FROM groups g WHERE g.id = :id")
                .bind("id", id.value())
                .map((row, context) -> group(row))
                .findOne());
    }

    @Override
    public List<Group> findByMember(UserId userId) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT " + GROUP_COLUMNS + GROUPS_OF_MEMBER + " ORDER BY g.name")
                .bind("userId", userId.value())
                .map((row, context) -> group(row))
                .list());
    }

    @Override
    public boolean insert(Group group) {
        return database.inTransactionIfUnique(handle -> bindGroup(handle.createUpdate(
                        "INSERT INTO groups (id, name, description, permissions, data, meta, creator_id, created_at, "
                                + "updated_at) VALUES (:id, :name, :description, :permissions, :data, :meta, "
                                + ":creatorId, :createdAt, :updatedAt)"), group)
                        .execute())
                .isPresent();
    }

    @Override
    public SaveOutcome save(Group group) {
        return database.inTransactionIfUnique(handle -> bindGroup(handle.createUpdate(
                        "UPDATE groups SET name = :name, description = :description, permissions = :permissions, "
                                + "data = :data, meta = :meta, creator_id = :creatorId, created_at = :createdAt, "
                                + "updated_at = :updatedAt WHERE id = :id"), group)
                        .execute())
                .map(rows -> rows == 0 ? SaveOutcome.NOT_FOUND : SaveOutcome.SAVED)
                .orElse(SaveOutcome.NAME_TAKEN);
    }

    @Override
    public boolean delete(GroupId id) {
        return database.withHandle(handle -> handle
                .createUpdate("DELETE FROM groups WHERE id = :id")
                .bind("id", id.value())
                .execute()) > 0;
    }

    @Override
    public List<Membership> membershipsOf(UserId userId) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT group_id, user_id, source FROM group_memberships WHERE user_id = :userId "
                        + "ORDER BY group_id, source")
                .bind("userId", userId.value())
                .map((row, context) -> new Membership(new GroupId(row.getString("group_id")),
                        new UserId(row.getString("user_id")),
                        known(MembershipSource.fromStoredName(row.getString("source")), "membership source")))
                .list());
    }

    @Override
    public Set<UserId> memberIds(GroupId id) {
        return database.withHandle(handle -> handle
                .createQuery("SELECT DISTINCT user_id FROM group_memberships WHERE group_id = :groupId "
                        + "ORDER BY user_id")
                .bind("groupId", id.value())
                .map((row, context) -> new UserId(row.getString("user_id")))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public Map<GroupId, Long> memberCounts() {
        return database.withHandle(handle -> handle
                .createQuery("SELECT group_id, COUNT(DISTINCT user_id) AS members FROM group_memberships "
                        + "GROUP BY group_id")
                .map((row, context) -> Map.entry(new GroupId(row.getString("group_id")), row.getLong("members")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * One statement inserts the memberships of the users that exist and are not yet members through that source.
     * The group's row stays locked meanwhile, so that two concurrent additions to one group cannot both insert the
     * same membership; an unknown group has no row, and nothing happens.
     */
    @Override
    public void addMembers(GroupId groupId, Collection<UserId> userIds, MembershipSource source, Instant at) {
        if (userIds.isEmpty()) {
            return;
        }
        database.inTransaction(handle -> {
            boolean groupExists = handle.createQuery("SELECT id FROM groups WHERE id = :groupId FOR UPDATE")
                    .bind("groupId", groupId.value())
                    .mapTo(String.class)
                    .findOne()
                    .isPresent();
            return groupExists ? handle.createUpdate(
                            "INSERT INTO group_memberships (group_id, user_id, source, created_at) "
                                    + "SELECT :groupId, u.id, :source, :at FROM users u WHERE u.id IN (<userIds>) "
                                    + "AND NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = :groupId "
                                    + "AND m.user_id = u.id AND m.source = :source)")
                    .bind("groupId", groupId.value())
                    .bind("source", source.storedName())
                    .bind("at", millis(at))
                    .bindList("userIds", ids(userIds))
                    .execute() : 0;
        });
    }

    @Override
    public void removeMembers(GroupId groupId, Collection<UserId> userIds, Collection<MembershipSource> sources) {
        if (userIds.isEmpty() || sources.isEmpty()) {
            return;
        }
        database.withHandle(handle -> handle
                .createUpdate("DELETE FROM group_memberships WHERE group_id = :groupId AND user_id IN (<userIds>) "
                        + "AND source IN (<sources>)")
                .bind("groupId", groupId.value())
                .bindList("userIds", ids(userIds))
                .bindList("sources", sources.stream().map(MembershipSource::storedName).collect(Collectors.toList()))
                .execute());
    }

    /** Each group once, however many sources make the user a member. */
    @Override
    public List<PermissionTree> permissionTreesOf(UserId userId) {
        return database.rows("SELECT g.permissions FROM groups g WHERE g.id IN "
                        + "(SELECT m.group_id FROM group_memberships m WHERE m.user_id = ?)", userId.value(),
                row -> PermissionTree.of(Json.storedObject(row.getString("permissions"))));
    }

    private static List<String> ids(Collection<UserId> userIds) {
        return userIds.stream().map(UserId::value).distinct().collect(Collectors.toList());
    }

    private static <S extends SqlStatement<S>> S bindGroup(S statement, Group group) {
        return statement
                .bind("id", group.id().value())
                .bind("name", group.name().value())
                .bind("description", group.description())
                .bind("permissions", Json.write(group.permissions().toMap()))
                .bind("data", Json.write(group.data().values()))
                .bind("meta", Json.write(group.meta().values()))
                .bind("creatorId", group.creatorId().value())
                .bind("createdAt", millis(group.createdAt()))
                .bind("updatedAt", millis(group.updatedAt()));
    }

    private static Group group(ResultSet row) throws SQLException {
        return Group.reconstitute(new GroupId(row.getString("id")), new GroupName(row.getString("name")),
                row.getString("description"), PermissionTree.of(Json.storedObject(row.getString("permissions"))),
                new FreeFormData(Json.storedObject(row.getString("data"))),
                new FreeFormData(Json.storedObject(row.getString("meta"))), new UserId(row.getString("creator_id")),
                instant(row, "created_at"), instant(row, "updated_at"));
    }
}
