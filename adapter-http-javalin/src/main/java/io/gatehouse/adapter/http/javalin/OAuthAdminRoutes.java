package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.port.in.admin.UpdateOAuthSettingsUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * The single sign-on admin settings (Open WebUI §10.4), for admins only. A change applies to the next login, the
 * generic OpenID provider included; the client secret is accepted and never sent back.
 */
final class OAuthAdminRoutes {

    private final Supplier<UseCases> useCases;
    private final RequestAuthenticator authenticator;
    private final Json json;

    OAuthAdminRoutes(Supplier<UseCases> useCases, RequestAuthenticator authenticator, Json json) {
        this.useCases = useCases;
        this.authenticator = authenticator;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/auths/admin/config/oauth", this::get);
        routes.post("/api/v1/auths/admin/config/oauth", this::update);
    }

    private void get(Context ctx) {
        authenticator.require(ctx, Access.ADMIN);
        ctx.json(OAuthConfigForm.toWire(useCases.get().getSettings().settings().oauth()));
    }

    private void update(Context ctx) {
        Principal admin = authenticator.require(ctx, Access.ADMIN);
        UpdateOAuthSettingsUseCase.Result result = useCases.get().updateOAuthSettings().update(
                new UpdateOAuthSettingsUseCase.Command(admin.user().id(), OAuthConfigForm.change(json.readObject(ctx))));
        if (result instanceof UpdateOAuthSettingsUseCase.Result.Refused) {
            throw ApiError.of(400, ((UpdateOAuthSettingsUseCase.Result.Refused) result).problem());
        }
        ctx.json(OAuthConfigForm.toWire(((UpdateOAuthSettingsUseCase.Result.Updated) result).settings()));
    }
}
