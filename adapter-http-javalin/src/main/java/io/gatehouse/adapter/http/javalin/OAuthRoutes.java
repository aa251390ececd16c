package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.TokenExchangeForm;
import io.gatehouse.application.port.in.oauth.BackChannelLogoutUseCase;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.DeleteProviderSessionsUseCase;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The browser side of single sign-on (Open WebUI §1.15, without the {@code /api/v1} prefix): the login redirect and
 * the provider's callback, which always ends in a redirect to the front end's {@code /auth} page, with
 * {@code ?error=} when the login failed; the back-channel logout a provider calls; and the deletion of a user's
 * sessions at a provider.
 */
final class OAuthRoutes {

    private static final int MAX_ERROR_LENGTH = 200;

    private final Supplier<UseCases> useCases;
    private final RequestAuthenticator authenticator;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;
    private final Json json;
    private final boolean idTokenCookie;

    OAuthRoutes(Supplier<UseCases> useCases, RequestAuthenticator authenticator, SessionCookies cookies,
                ClientAddresses addresses, Json json, boolean idTokenCookie) {
        this.useCases = useCases;
        this.idTokenCookie = idTokenCookie;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.addresses = addresses;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/oauth/{provider}/login", this::login);
        routes.get("/oauth/{provider}/login/callback", this::callback);
        routes.get("/oauth/{provider}/callback", this::callback);
        routes.post("/oauth/{provider}/login/callback", this::callback);
        routes.post("/oauth/{provider}/callback", this::callback);
        routes.post("/oauth/backchannel-logout", this::backChannelLogout);
        routes.delete("/api/v1/auths/oauth/sessions/<provider>", this::deleteSessions);
        routes.post("/api/v1/auths/oauth/{provider}/token/exchange", this::exchangeToken);
    }

    /** Open WebUI §1.14: the session answer, without a cookie; Open WebUI's texts for each refusal. */
    private void exchangeToken(Context ctx) {
        TokenExchangeForm form = json.read(ctx, TokenExchangeForm.class);
        String provider = ctx.pathParam("provider");
        ExchangeProviderTokenUseCase.Result result = useCases.get().exchangeProviderToken().exchange(
                new ExchangeProviderTokenUseCase.Command(provider, form.token(), addresses.of(ctx)));
        if (result instanceof ExchangeProviderTokenUseCase.Result.SignedIn) {
            ctx.json(Wire.session(((ExchangeProviderTokenUseCase.Result.SignedIn) result).session()));
            return;
        }
        switch (((ExchangeProviderTokenUseCase.Result.Refused) result).reason()) {
            case DISABLED: throw ApiError.of(403, Messages.TOKEN_EXCHANGE_DISABLED);
            case RATE_LIMITED: throw ApiError.of(429, Messages.RATE_LIMIT_EXCEEDED);
            case UNKNOWN_PROVIDER:
                throw ApiError.of(404, String.format(Messages.OAUTH_NOT_CONFIGURED, printable(provider)));
            case UNKNOWN_TOKEN_CLIENT: throw ApiError.of(400, Messages.UNKNOWN_TOKEN_CLIENT);
            case UNTRUSTED_CLIENT: throw ApiError.of(403, Messages.ACCESS_PROHIBITED);
            case MISSING_EMAIL: throw ApiError.of(400, Messages.TOKEN_MISSING_EMAIL);
            case DOMAIN_NOT_ALLOWED: throw ApiError.of(403, Messages.ACCESS_PROHIBITED);
            case NO_ACCOUNT: throw ApiError.of(403, Messages.EXCHANGE_USER_NOT_FOUND);
            default: throw ApiError.of(400, Messages.INVALID_PROVIDER_TOKEN);
        }
    }

    /** Open WebUI §7.10: {@code {}} when done, 400 {@code invalid_request} with a reason otherwise, 404 when off. */
    private void backChannelLogout(Context ctx) {
        String token = ctx.formParam("logout_token");
        if (token == null || token.isBlank()) {
            ctx.status(400).json(Map.of("error", "invalid_request",
                    "error_description", "Missing logout_token parameter"));
            return;
        }
        BackChannelLogoutUseCase.Result result = useCases.get().backChannelLogout().logOut(token);
        if (result instanceof BackChannelLogoutUseCase.Result.NotEnabled) {
            throw ApiError.of(404, Messages.NOT_FOUND);
        }
        if (result instanceof BackChannelLogoutUseCase.Result.Refused) {
            ctx.status(400).json(Map.of("error", "invalid_request",
                    "error_description", ((BackChannelLogoutUseCase.Result.Refused) result).description()));
            return;
        }
        ctx.json(Map.of());
    }

    private void deleteSessions(Context ctx) {
        Principal caller = authenticator.require(ctx, Access.VERIFIED);
        if (!useCases.get().deleteProviderSessions().delete(new DeleteProviderSessionsUseCase.Command(caller.user().id(),
                ctx.pathParam("provider")))) {
            throw ApiError.of(404, Messages.NO_OAUTH_SESSION);
        }
        ctx.json(true);
    }

    private void login(Context ctx) {
        String provider = ctx.pathParam("provider");
        URI callback = URI.create(base(ctx) + "/oauth/" + URLEncoder.encode(provider, StandardCharsets.UTF_8)
                + "/login/callback");
        BeginOAuthLoginUseCase.Redirect redirect = useCases.get().beginOAuthLogin().begin(provider, callback)
                .orElseThrow(() -> ApiError.of(404, Messages.NOT_FOUND));
        cookies.setLoginKey(ctx, redirect.loginKey(), redirect.keptFor(), returnsByFormPost(redirect.authorizationUrl()));
        ctx.redirect(redirect.authorizationUrl().toString());
    }

    private void callback(Context ctx) {
        Map<String, String> parameters = new HashMap<>();
        // GET carries the answer in the query; a form_post return (Apple) in the form body
        (ctx.method().name().equals("POST") ? ctx.formParamMap() : ctx.queryParamMap()).forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.get(0));
            }
        });
        Optional<String> loginKey = Optional.ofNullable(ctx.cookie(SessionCookies.OAUTH_LOGIN));
        cookies.delete(ctx, SessionCookies.OAUTH_LOGIN);
        CompleteOAuthLoginUseCase.Result result = useCases.get().completeOAuthLogin().complete(
                new CompleteOAuthLoginUseCase.Command(ctx.pathParam("provider"), parameters, loginKey,
                        addresses.of(ctx)));
        if (result instanceof CompleteOAuthLoginUseCase.Result.SignedIn) {
            CompleteOAuthLoginUseCase.Result.SignedIn signedIn = (CompleteOAuthLoginUseCase.Result.SignedIn) result;
            Session session = signedIn.session();
            cookies.setToken(ctx, session.token(), session.claims().expiresAt(), false);
            if (idTokenCookie) {
                signedIn.idToken().ifPresent(idToken -> cookies.setIdToken(ctx, idToken, session.claims().expiresAt()));
            }
            cookies.setIdpSession(ctx, signedIn.idpSessionId(), session.claims().expiresAt());
            ctx.redirect(base(ctx) + "/auth");
            return;
        }
        CompleteOAuthLoginUseCase.Result.Refused refused = (CompleteOAuthLoginUseCase.Result.Refused) result;
        if (refused.reason() == CompleteOAuthLoginUseCase.Refusal.UNKNOWN_PROVIDER) {
            throw ApiError.of(404, Messages.NOT_FOUND);
        }
        ctx.redirect(base(ctx) + "/auth?error=" + URLEncoder.encode(message(refused), StandardCharsets.UTF_8));
    }

    /** Whether the provider will send the browser back with a cross-site POST ({@code response_mode=form_post}). */
    private static boolean returnsByFormPost(URI authorizationUrl) {
        String query = authorizationUrl.getRawQuery();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("response_mode=form_post");
    }

    /** The provider as typed, echoed only as plain characters and not too long. */
    private static String printable(String provider) {
        String plain = provider.replaceAll("[^A-Za-z0-9_.:-]", "");
        return plain.substring(0, Math.min(plain.length(), 64));
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
        String configured = useCases.get().getSettings().settings().webuiUrl();
        String base = configured.isBlank() ? ctx.scheme() + "://" + ctx.host() : configured;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
