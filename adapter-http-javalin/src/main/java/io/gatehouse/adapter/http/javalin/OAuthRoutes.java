package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser side of single sign-on (Open WebUI §1.15, without the {@code /api/v1} prefix): the login redirect and
 * the provider's callback, which always ends in a redirect to the front end's {@code /auth} page, with
 * {@code ?error=} when the login failed.
 */
final class OAuthRoutes {

    private static final int MAX_ERROR_LENGTH = 200;

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;

    OAuthRoutes(UseCases useCases, SessionCookies cookies, ClientAddresses addresses) {
        this.useCases = useCases;
        this.cookies = cookies;
        this.addresses = addresses;
    }

    void register(RoutesConfig routes) {
        routes.get("/oauth/{provider}/login", this::login);
        routes.get("/oauth/{provider}/login/callback", this::callback);
        routes.get("/oauth/{provider}/callback", this::callback);
    }

    private void login(Context ctx) {
        String provider = ctx.pathParam("provider");
        URI callback = URI.create(base(ctx) + "/oauth/" + URLEncoder.encode(provider, StandardCharsets.UTF_8)
                + "/login/callback");
        BeginOAuthLoginUseCase.Redirect redirect = useCases.beginOAuthLogin().begin(provider, callback)
                .orElseThrow(() -> ApiError.of(404, Messages.NOT_FOUND));
        cookies.setLoginKey(ctx, redirect.loginKey(), redirect.keptFor());
        ctx.redirect(redirect.authorizationUrl().toString());
    }

    private void callback(Context ctx) {
        Map<String, String> parameters = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        });
        Optional<String> loginKey = Optional.ofNullable(ctx.cookie(SessionCookies.OAUTH_LOGIN));
        cookies.delete(ctx, SessionCookies.OAUTH_LOGIN);
        CompleteOAuthLoginUseCase.Result result = useCases.completeOAuthLogin().complete(
                new CompleteOAuthLoginUseCase.Command(ctx.pathParam("provider"), parameters, loginKey,
                        addresses.of(ctx)));
        if (result instanceof CompleteOAuthLoginUseCase.Result.SignedIn) {
            Session session = ((CompleteOAuthLoginUseCase.Result.SignedIn) result).session();
            cookies.setToken(ctx, session.token(), session.claims().expiresAt(), false);
            ctx.redirect(base(ctx) + "/auth");
            return;
        }
        CompleteOAuthLoginUseCase.Result.Refused refused = (CompleteOAuthLoginUseCase.Result.Refused) result;
        if (refused.reason() == CompleteOAuthLoginUseCase.Refusal.UNKNOWN_PROVIDER) {
            throw ApiError.of(404, Messages.NOT_FOUND);
        }
        ctx.redirect(base(ctx) + "/auth?error=" + URLEncoder.encode(message(refused), StandardCharsets.UTF_8));
    }

    /** Open WebUI's texts for its own refusals; for the provider's, a short detail that never holds a secret. */
    private static String message(CompleteOAuthLoginUseCase.Result.Refused refused) {
        switch (refused.reason()) {
            case SIGNUP_DISABLED:
            case ROLE_REFUSED:
                return Messages.ACCESS_PROHIBITED;
            case EMAIL_TAKEN:
                return Messages.EMAIL_TAKEN;
            case INVALID_IDENTITY:
                return Messages.INVALID_CRED;
            default:
                String message = "OAuth callback failed: " + refused.detail().orElse("the login did not complete");
                return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH - 3) + "..." : message;
        }
    }

    /** {@code WEBUI_URL} when set, else this server as the request reached it. */
    private String base(Context ctx) {
        String configured = useCases.getSettings().settings().webuiUrl();
        String base = configured.isBlank() ? ctx.scheme() + "://" + ctx.host() : configured;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
