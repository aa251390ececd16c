package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.port.out.CapacityExceededException;
import io.gatehouse.application.port.out.InfrastructureException;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Open WebUI's auth API as Javalin routes. Install it on a configuration, then start Javalin as usual:
 * <pre>{@code Javalin.create(api::configure).start(host, port);}</pre>
 *
 * <p>Every request passes the same guards; the route groups call the use cases and nothing else; failures become
 * answers in one place. No answer ever carries a stack trace or an internal message: expected refusals carry Open
 * WebUI's texts, infrastructure failures a 503, anything unforeseen a 500, and the details go to the log only.
 */
public final class GatehouseHttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(GatehouseHttpApi.class);

    private final HttpSettings settings;
    private final Json json = new Json();
    private final OriginGuard origins;
    private final SessionRoutes sessionRoutes;
    private final AccountRoutes accountRoutes;
    private final AdminRoutes adminRoutes;
    private final UserAdminRoutes userAdminRoutes;
    private final GroupRoutes groupRoutes;
    private final LdapRoutes ldapRoutes;
    private final OAuthRoutes oauthRoutes;
    private final OAuthAdminRoutes oauthAdminRoutes;

    public GatehouseHttpApi(UseCases useCases, HttpSettings settings, Clock clock) {
        this(later(Objects.requireNonNull(useCases, "useCases")), settings, clock);
    }

    /**
     * An API whose use cases come later: the server can start while they are assembled (the standalone server opens
     * its database meanwhile), and a request that comes first waits for them. The supplier is asked on every request;
     * it must answer at once after its first answer.
     */
    public GatehouseHttpApi(Supplier<UseCases> useCases, HttpSettings settings, Clock clock) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        SessionCookies cookies = new SessionCookies(settings.cookieSameSite(), settings.cookieSecure(), clock);
        ClientAddresses addresses = new ClientAddresses(settings.trustedProxies());
        Optional<ProxyIdentity> proxy = settings.trustedHeaders().map(headers -> new ProxyIdentity(headers, addresses));
        RequestAuthenticator authenticator = new RequestAuthenticator(() -> useCases.get().authenticate(), cookies,
                settings.apiKeyHeader(), proxy);
        this.origins = new OriginGuard(settings.allowedOrigins(),
                () -> useCases.get().getSettings().settings().webuiUrl(), settings.apiKeyHeader());
        this.sessionRoutes = new SessionRoutes(useCases, settings, authenticator, cookies, addresses, proxy, json);
        this.ldapRoutes = new LdapRoutes(useCases, authenticator, cookies, addresses, json);
        this.oauthRoutes = new OAuthRoutes(useCases, authenticator, cookies, addresses, json,
                settings.oauthIdTokenCookie());
        this.oauthAdminRoutes = new OAuthAdminRoutes(useCases, authenticator, json);
        this.accountRoutes = new AccountRoutes(useCases, settings, authenticator, cookies, json);
        this.adminRoutes = new AdminRoutes(useCases, settings, authenticator, json);
        this.userAdminRoutes = new UserAdminRoutes(useCases, settings, authenticator, json);
        this.groupRoutes = new GroupRoutes(useCases, authenticator, json);
    }

    private static Supplier<UseCases> later(UseCases now) {
        return () -> now;
    }

    /**
     * Builds ahead what every API shares and that needs no use case: the JSON mapper and the request validator, about
     * a fifth of a server's start. Optional; for a caller that can run it on another thread while it assembles the use cases. An
     * API made meanwhile waits for it rather than building a second one.
     */
    public static void prepare() {
        Json.prepare();
    }

    /** Registers the routes, the request guards, the JSON mapper and the error answers. */
    public void configure(JavalinConfig config) {
        config.jsonMapper(new PreparedJsonMapper());
        config.http.maxRequestSize = settings.maxRequestBytes();
        // Answers are small JSON, many with a token in them: compressing them saves little, costs CPU on every request
        // and would open the door to length attacks on the token (BREACH). An application's own configuration, applied
        // after this one, may turn it back on.
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.startup.showJavalinBanner = false;
        RoutesConfig routes = config.routes;
        routes.before(this::guard);
        routes.options("/*", ctx -> ctx.status(204));
        sessionRoutes.register(routes);
        accountRoutes.register(routes);
        adminRoutes.register(routes);
        userAdminRoutes.register(routes);
        groupRoutes.register(routes);
        ldapRoutes.register(routes);
        oauthRoutes.register(routes);
        oauthAdminRoutes.register(routes);
        registerErrorAnswers(routes);
    }

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        origins.addCorsHeaders(ctx);
        origins.check(ctx);
    }

    private void registerErrorAnswers(RoutesConfig routes) {
        routes.exception(ApiError.class, (error, ctx) -> {
            error.headers().forEach(ctx::header);
            answer(ctx, error.status(), error.detail());
        });
        // Javalin picks the handler of the most specific class, so this one wins over the one below.
        routes.exception(CapacityExceededException.class, (error, ctx) -> {
            // Expected under a flood of sign-ins: a log line per refusal would let the flood fill the log.
            LOG.debug("{} {} refused: {}", ctx.method(), ctx.path(), error.getMessage());
            ctx.header("Retry-After", String.valueOf(Math.max(1, error.retryAfter().toSeconds())));
            answer(ctx, 503, Messages.SERVICE_UNAVAILABLE);
        });
        routes.exception(InfrastructureException.class, (error, ctx) -> {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), error.getMessage(), error);
            ctx.header("Retry-After", "5");
            answer(ctx, 503, Messages.SERVICE_UNAVAILABLE);
        });
        routes.exception(HttpResponseException.class, (error, ctx) ->
                answer(ctx, error.getStatus(), error.getStatus() == 413 ? Messages.BODY_TOO_LARGE
                        : HttpStatus.forStatus(error.getStatus()).getMessage()));
        routes.exception(Exception.class, (error, ctx) -> {
            LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), error);
            answer(ctx, 500, Messages.INTERNAL_ERROR);
        });
    }

    private static void answer(Context ctx, int status, Object detail) {
        ctx.status(status).json(Map.of("detail", detail));
    }
}
