package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.AddUserForm;
import io.gatehouse.adapter.http.javalin.dto.AddedUserResponse;
import io.gatehouse.adapter.http.javalin.dto.AdminDetailsResponse;
import io.gatehouse.application.port.in.admin.AddUserUseCase;
import io.gatehouse.application.port.in.admin.GetAdminContactUseCase;
import io.gatehouse.application.port.in.admin.UpdateSettingsUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Supplier;

/** Admin add-user (Open WebUI §1.10), the admin contact (§1.11) and the admin configuration (§1.12, §10.2). */
final class AdminRoutes {

    private final Supplier<UseCases> useCases;
    private final HttpSettings settings;
    private final RequestAuthenticator authenticator;
    private final Json json;

    AdminRoutes(Supplier<UseCases> useCases, HttpSettings settings, RequestAuthenticator authenticator, Json json) {
        this.useCases = useCases;
        this.settings = settings;
        this.authenticator = authenticator;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auths/add", this::addUser);
        routes.get("/api/v1/auths/admin/details", this::adminDetails);
        routes.get("/api/v1/auths/admin/config", this::getConfig);
        routes.post("/api/v1/auths/admin/config", this::updateConfig);
    }

    private void addUser(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        AddUserForm form = json.read(ctx, AddUserForm.class);
        String picture = form.profileImageUrl() == null ? UserProfile.DEFAULT_IMAGE : form.profileImageUrl();
        Optional<Role> role = Role.fromWireName(form.role() == null ? Role.PENDING.wireName() : form.role());
        new Json.Problems()
                .check(role.isPresent(), "role", "Input should be 'pending', 'user' or 'admin'")
                .check(settings.profileImagePolicy().allows(picture), "profile_image_url", "Invalid profile image URL")
                .throwIfAny();
        EmailAddress email = EmailAddress.parse(form.email())
                .orElseThrow(() -> ApiError.of(400, Messages.INVALID_EMAIL_FORMAT));
        AddUserUseCase.Result result = useCases.get().addUser().add(new AddUserUseCase.Command(admin.user().id(), form.name(),
                email, PlainPassword.of(form.password()), picture, role.get()));
        if (result instanceof AddUserUseCase.Result.Refused) {
            AddUserUseCase.Result.Refused refused = (AddUserUseCase.Result.Refused) result;
            throw refused.reason() == AddUserUseCase.Refusal.EMAIL_TAKEN
                    ? ApiError.of(400, Messages.EMAIL_TAKEN)
                    : Wire.passwordRejected(refused.password().orElseThrow());
        }
        User added = ((AddUserUseCase.Result.Added) result).user();
        ctx.json(new AddedUserResponse(added.id().value(), added.email().value(), added.name(),
                added.role().wireName(), Wire.pictureRoute(added)));
    }

    private void adminDetails(Context ctx) {
        authenticator.require(ctx, Access.SIGNED_IN);
        GetAdminContactUseCase.Result result = useCases.get().adminContact().adminContact();
        if (result instanceof GetAdminContactUseCase.Result.Hidden) {
            throw ApiError.of(400, Messages.ACTION_PROHIBITED);
        }
        GetAdminContactUseCase.Result.Shown shown = (GetAdminContactUseCase.Result.Shown) result;
        ctx.json(new AdminDetailsResponse(shown.name().orElse(null), shown.email().orElse(null)));
    }

    private void getConfig(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(AdminConfigForm.toWire(useCases.get().getSettings().settings()));
    }

    private void updateConfig(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        AuthSettings changed = AdminConfigForm.fromWire(json.readObject(ctx), useCases.get().getSettings().settings());
        ctx.json(AdminConfigForm.toWire(
                useCases.get().updateSettings().update(new UpdateSettingsUseCase.Command(admin.user().id(), changed))));
    }
}
