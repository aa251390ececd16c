package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.GroupForm;
import io.gatehouse.adapter.http.javalin.dto.GroupResponse;
import io.gatehouse.adapter.http.javalin.dto.UserIdsForm;
import io.gatehouse.application.port.in.group.AddGroupMembersUseCase;
import io.gatehouse.application.port.in.group.CreateGroupUseCase;
import io.gatehouse.application.port.in.group.DeleteGroupUseCase;
import io.gatehouse.application.port.in.group.ExportGroupUseCase;
import io.gatehouse.application.port.in.group.GroupView;
import io.gatehouse.application.port.in.group.ListGroupsUseCase;
import io.gatehouse.application.port.in.group.RemoveGroupMembersUseCase;
import io.gatehouse.application.port.in.group.UpdateGroupUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Groups administration (Open WebUI's {@code routers/groups.py}; PRODUCT.md, "Groups administration API"). */
final class GroupRoutes {

    private static final String NAME_TAKEN = "A group with this name already exists.";

    private final Supplier<UseCases> useCases;
    private final RequestAuthenticator authenticator;
    private final Json json;

    GroupRoutes(Supplier<UseCases> useCases, RequestAuthenticator authenticator, Json json) {
        this.useCases = useCases;
        this.authenticator = authenticator;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/groups/", this::list);
        routes.post("/api/v1/groups/create", this::create);
        routes.get("/api/v1/groups/id/{id}", this::get);
        routes.get("/api/v1/groups/id/{id}/export", this::export);
        routes.post("/api/v1/groups/id/{id}/users", this::members);
        routes.post("/api/v1/groups/id/{id}/update", this::update);
        routes.post("/api/v1/groups/id/{id}/users/add", this::addMembers);
        routes.post("/api/v1/groups/id/{id}/users/remove", this::removeMembers);
        routes.delete("/api/v1/groups/id/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Principal caller = authenticator.require(ctx, Access.VERIFIED);
        String share = ctx.queryParam("share");
        new Json.Problems().check(share == null || share.equals("true") || share.equals("false"), "share",
                "Either true or false").throwIfAny();
        ctx.json(useCases.get().listGroups().list(new ListGroupsUseCase.Query(caller, Optional.ofNullable(share).map(Boolean::valueOf)))
                .stream().map(GroupRoutes::response).collect(Collectors.toList()));
    }

    private void create(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        GroupForm form = json.read(ctx, GroupForm.class);
        Fields fields = Fields.of(form);
        CreateGroupUseCase.Result result = useCases.get().createGroup().create(new CreateGroupUseCase.Command(admin.user().id(),
                fields.name, fields.description, fields.permissions.orElse(PermissionTree.empty()),
                fields.data.orElse(FreeFormData.empty())));
        if (result instanceof CreateGroupUseCase.Result.NameTaken) {
            throw ApiError.of(400, NAME_TAKEN);
        }
        ctx.json(response(((CreateGroupUseCase.Result.Created) result).group()));
    }

    private void get(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(response(useCases.get().getGroup().get(pathGroupId(ctx)).orElseThrow(GroupRoutes::notFound)));
    }

    private void export(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ExportGroupUseCase.GroupExport export = useCases.get().exportGroup().export(pathGroupId(ctx))
                .orElseThrow(GroupRoutes::notFound);
        ctx.json(response(export.group(), Optional.of(export.memberIds())));
    }

    private void members(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(useCases.get().listGroupMembers().members(pathGroupId(ctx)).orElseThrow(GroupRoutes::notFound)
                .stream().map(Wire::user).collect(Collectors.toList()));
    }

    private void update(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        GroupId id = pathGroupId(ctx);
        Fields fields = Fields.of(json.read(ctx, GroupForm.class));
        UpdateGroupUseCase.Result result = useCases.get().updateGroup().update(new UpdateGroupUseCase.Command(
                admin.user().id(), id, fields.name, fields.description, fields.permissions, fields.data));
        if (result instanceof UpdateGroupUseCase.Result.NotFound) {
            throw notFound();
        }
        if (result instanceof UpdateGroupUseCase.Result.NameTaken) {
            throw ApiError.of(400, NAME_TAKEN);
        }
        ctx.json(response(((UpdateGroupUseCase.Result.Updated) result).group()));
    }

    private void addMembers(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        GroupId id = pathGroupId(ctx);
        List<UserId> users = userIds(json.read(ctx, UserIdsForm.class));
        ctx.json(response(useCases.get().addGroupMembers().add(new AddGroupMembersUseCase.Command(admin.user().id(), id, users))
                .orElseThrow(GroupRoutes::notFound)));
    }

    private void removeMembers(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        GroupId id = pathGroupId(ctx);
        List<UserId> users = userIds(json.read(ctx, UserIdsForm.class));
        ctx.json(response(useCases.get().removeGroupMembers().remove(new RemoveGroupMembersUseCase.Command(admin.user().id(),
                id, users)).orElseThrow(GroupRoutes::notFound)));
    }

    private void delete(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        if (!useCases.get().deleteGroup().delete(new DeleteGroupUseCase.Command(admin.user().id(), pathGroupId(ctx)))) {
            throw notFound();
        }
        ctx.json(true);
    }

    /** Ids that cannot be user ids are, like unknown ones, ignored. */
    private static List<UserId> userIds(UserIdsForm form) {
        return form.userIds().stream().filter(id -> !id.isBlank() && id.length() <= 64).map(UserId::new)
                .distinct().collect(Collectors.toList());
    }

    private static GroupId pathGroupId(Context ctx) {
        try {
            return new GroupId(ctx.pathParam("id"));
        } catch (IllegalArgumentException notAnId) {
            throw notFound();
        }
    }

    private static ApiError notFound() {
        return ApiError.of(404, Messages.NOT_FOUND);
    }

    private static GroupResponse response(GroupView view) {
        return response(view, Optional.empty());
    }

    private static GroupResponse response(GroupView view, Optional<List<UserId>> members) {
        Group group = view.group();
        return new GroupResponse(group.id().value(), group.creatorId().value(), group.name().value(),
                group.description(), group.permissions().toMap(), group.data().values(), group.meta().values(),
                view.memberCount(), group.createdAt().getEpochSecond(), group.updatedAt().getEpochSecond(),
                members.map(ids -> ids.stream().map(UserId::value).collect(Collectors.toList())).orElse(null));
    }

    /** The form's fields as domain values, or a 422 naming every one that is not acceptable. */
    private static final class Fields {
        final GroupName name;
        final String description;
        final Optional<PermissionTree> permissions;
        final Optional<FreeFormData> data;

        private Fields(GroupName name, String description, Optional<PermissionTree> permissions, Optional<FreeFormData> data) {
            this.name = name;
            this.description = description;
            this.permissions = permissions;
            this.data = data;
        }

        static Fields of(GroupForm form) {
            Optional<GroupName> name = GroupName.parse(form.name());
            Optional<PermissionTree> permissions = Optional.ofNullable(form.permissions()).map(Fields::tree);
            Optional<FreeFormData> data = Optional.ofNullable(form.data()).map(Fields::object);
            new Json.Problems()
                    .check(name.isPresent(), "name", "A group name has 1 to 255 characters, not only blanks")
                    .check(form.permissions() == null || permissions.isPresent(), "permissions",
                            "Permissions are nested objects of true/false switches")
                    .check(form.data() == null || data.isPresent(), "data", "Data is a JSON object")
                    .throwIfAny();
            return new Fields(name.get(), form.description() == null ? "" : form.description(), permissions, data);
        }

        private static PermissionTree tree(Map<String, Object> raw) {
            try {
                return PermissionTree.of(raw);
            } catch (IllegalArgumentException notATree) {
                return null;
            }
        }

        private static FreeFormData object(Map<String, Object> raw) {
            try {
                return new FreeFormData(raw);
            } catch (IllegalArgumentException notData) {
                return null;
            }
        }
    }
}
