package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.UserListResponse;
import io.gatehouse.adapter.http.javalin.dto.UserUpdateForm;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Account administration and permissions (Open WebUI's {@code routers/users.py}, §1.17). */
final class UserAdminRoutes {

    private static final int MAX_PAGE = 1_000_000;

    private final Supplier<UseCases> useCases;
    private final HttpSettings settings;
    private final RequestAuthenticator authenticator;
    private final Json json;

    UserAdminRoutes(Supplier<UseCases> useCases, HttpSettings settings, RequestAuthenticator authenticator, Json json) {
        this.useCases = useCases;
        this.settings = settings;
        this.authenticator = authenticator;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/users/", this::list);
        routes.get("/api/v1/users/permissions", this::ownPermissions);
        routes.get("/api/v1/users/default/permissions", this::defaultPermissions);
        routes.post("/api/v1/users/default/permissions", this::updateDefaultPermissions);
        routes.post("/api/v1/users/{id}/update", this::update);
        routes.delete("/api/v1/users/{id}", this::delete);
    }

    private void list(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        Optional<String> text = Optional.ofNullable(ctx.queryParam("query")).map(String::strip).filter(q -> !q.isEmpty());
        Optional<UserSearch.Order> order = parseOrder(ctx.queryParam("order_by"));
        String direction = Optional.ofNullable(ctx.queryParam("direction")).orElse("asc").toLowerCase(Locale.ROOT);
        Optional<Integer> page = parsePage(ctx.queryParam("page"));
        new Json.Problems()
                .check(text.map(q -> q.length() <= 100 && q.indexOf('\u0000') < 0).orElse(true), "query",
                        "At most 100 characters, no NUL")
                .check(order.isPresent(), "order_by", "One of name, email, role, created_at, updated_at, last_active_at")
                .check(direction.equals("asc") || direction.equals("desc"), "direction", "Either asc or desc")
                .check(page.isPresent(), "page", "A page number from 1")
                .throwIfAny();
        UserPage found = useCases.get().listUsers().list(new UserSearch(text, order.get(), direction.equals("asc"),
                page.get(), UserSearch.DEFAULT_PAGE_SIZE));
        ctx.json(new UserListResponse(found.users().stream().map(Wire::user).collect(Collectors.toList()), found.total()));
    }

    private static Optional<UserSearch.Order> parseOrder(String text) {
        if (text == null) {
            return Optional.of(UserSearch.Order.CREATED_AT);
        }
        try {
            return Optional.of(UserSearch.Order.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parsePage(String text) {
        if (text == null) {
            return Optional.of(1);
        }
        try {
            int page = Integer.parseInt(text);
            return page >= 1 && page <= MAX_PAGE ? Optional.of(page) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private void ownPermissions(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.VERIFIED);
        ctx.json(useCases.get().describeSession().describe(principal).permissions().toMap());
    }

    private void defaultPermissions(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(useCases.get().getSettings().settings().defaultPermissions().toMap());
    }

    private void updateDefaultPermissions(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        PermissionTree tree;
        try {
            tree = PermissionTree.of(json.readObject(ctx));
        } catch (IllegalArgumentException notATree) {
            throw ApiError.invalid(null, "Permissions are nested objects of true/false switches: " + notATree.getMessage());
        }
        ctx.json(useCases.get().updateDefaultPermissions()
                .update(new UpdateDefaultPermissionsUseCase.Command(admin.user().id(), tree)).toMap());
    }

    private void update(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        UserId target = pathUserId(ctx);
        UserUpdateForm form = json.read(ctx, UserUpdateForm.class);
        Optional<Role> role = Optional.ofNullable(form.role()).flatMap(Role::fromWireName);
        new Json.Problems()
                .check(form.role() == null || role.isPresent(), "role", "Input should be 'pending', 'user' or 'admin'")
                .check(form.name() == null || !form.name().isBlank(), "name", "A name is not blank")
                .check(form.profileImageUrl() == null || settings.profileImagePolicy().allows(form.profileImageUrl()),
                        "profile_image_url", "Invalid profile image URL")
                .throwIfAny();
        Optional<EmailAddress> email = Optional.empty();
        if (form.email() != null) {
            email = Optional.of(EmailAddress.parse(form.email())
                    .orElseThrow(() -> ApiError.of(400, Messages.INVALID_EMAIL_FORMAT)));
        }
        UpdateUserUseCase.Result result = useCases.get().updateUser().update(new UpdateUserUseCase.Command(admin.user().id(),
                target, role, Optional.ofNullable(form.name()), email, Optional.ofNullable(form.profileImageUrl()),
                Optional.ofNullable(form.password()).map(PlainPassword::of)));
        if (result instanceof UpdateUserUseCase.Result.Refused) {
            UpdateUserUseCase.Result.Refused refused = (UpdateUserUseCase.Result.Refused) result;
            switch (refused.reason()) {
                case NOT_FOUND: throw ApiError.of(404, Messages.NOT_FOUND);
                case PRIMARY_ADMIN_PROTECTED: throw ApiError.of(403, Messages.ACTION_PROHIBITED);
                case EMAIL_TAKEN: throw ApiError.of(400, Messages.EMAIL_TAKEN);
                default: throw Wire.passwordRejected(refused.password().orElseThrow());
            }
        }
        ctx.json(Wire.user(((UpdateUserUseCase.Result.Updated) result).user()));
    }

    private void delete(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        DeleteUserUseCase.Result result = useCases.get().deleteUser()
                .delete(new DeleteUserUseCase.Command(admin.user().id(), pathUserId(ctx)));
        switch (result) {
            case DELETED: ctx.json(true); break;
            case PROTECTED: throw ApiError.of(403, Messages.ACTION_PROHIBITED);
            default: throw ApiError.of(404, Messages.NOT_FOUND);
        }
    }

    private static UserId pathUserId(Context ctx) {
        try {
            return new UserId(ctx.pathParam("id"));
        } catch (IllegalArgumentException notAnId) {
            throw ApiError.of(404, Messages.NOT_FOUND);
        }
    }
}
