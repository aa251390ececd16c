package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.dto.SigninForm;
import io.gatehouse.adapter.http.javalin.dto.SignoutResponse;
import io.gatehouse.adapter.http.javalin.dto.SignupForm;
import io.gatehouse.application.port.in.config.DescribeConfigurationUseCase.PublicConfiguration;
import io.gatehouse.application.port.in.session.DescribeSessionUseCase.SessionInfo;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase;
import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Sign-up, sign-in, sign-out, the session of the caller (Open WebUI §1.1–§1.4) and {@code GET /api/config} (§1.16). */
final class SessionRoutes {

    private final Supplier<UseCases> useCases;
    private final HttpSettings settings;
    private final RequestAuthenticator authenticator;
    private final SessionCookies cookies;
    private final ClientAddresses addresses;
    private final Optional<ProxyIdentity> proxy;
    private final Json json;
    private final RenderedPermissions permissions;

    SessionRoutes(Supplier<UseCases> useCases, HttpSettings settings, RequestAuthenticator authenticator,
                  SessionCookies cookies, ClientAddresses addresses, Optional<ProxyIdentity> proxy, Json json) {
        this.useCases = useCases;
        this.settings = settings;
        this.authenticator = authenticator;
        this.cookies = cookies;
        this.addresses = addresses;
        this.proxy = proxy;
        this.json = json;
        this.permissions = new RenderedPermissions(Json::mapper);
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auths/signin", this::signIn);
        routes.post("/api/v1/auths/signup", this::signUp);
        routes.post("/api/v1/auths/signout", this::signOut);
        routes.get("/api/v1/auths/", this::session);
        routes.get("/api/config", this::configuration);
    }

    private void signIn(Context ctx) {
        if (proxy.isPresent()) {
            signInByProxy(ctx, proxy.get());
            return;
        }
        SigninForm form = json.read(ctx, SigninForm.class);
        SignInWithPasswordUseCase.Result result = useCases.get().signIn().signIn(new SignInWithPasswordUseCase.Command(
                form.email(), PlainPassword.of(form.password()), addresses.of(ctx)));
        if (result instanceof SignInWithPasswordUseCase.Result.Refused) {
            SignInWithPasswordUseCase.Result.Refused refused = (SignInWithPasswordUseCase.Result.Refused) result;
            switch (refused.reason()) {
                case PASSWORD_AUTH_DISABLED: throw ApiError.of(403, Messages.ACTION_PROHIBITED);
                case RATE_LIMITED:
                    throw ApiError.withHeaders(429, Messages.RATE_LIMIT_EXCEEDED, Map.of("Retry-After",
                            String.valueOf(Math.max(1, refused.retryAfter().map(Duration::toSeconds).orElse(60L)))));
                case EXISTING_USERS: throw ApiError.of(400, Messages.EXISTING_USERS);
                default: throw ApiError.of(400, Messages.INVALID_CRED);
            }
        }
        startSession(ctx, ((SignInWithPasswordUseCase.Result.SignedIn) result).session());
    }

    /** Trusted-header mode (Open WebUI §8.2): the body is ignored, the proxy's headers say who signs in. */
    private void signInByProxy(Context ctx, ProxyIdentity identity) {
        String email = identity.email(ctx).orElseThrow(() -> ApiError.of(400, Messages.INVALID_TRUSTED_HEADER));
        SignInWithTrustedHeaderUseCase.Result result = useCases.get().signInWithTrustedHeader().signIn(
                new SignInWithTrustedHeaderUseCase.Command(email, identity.name(ctx), identity.groups(ctx),
                        identity.role(ctx), addresses.of(ctx)));
        if (result instanceof SignInWithTrustedHeaderUseCase.Result.Refused) {
            throw ((SignInWithTrustedHeaderUseCase.Result.Refused) result).reason()
                    == SignInWithTrustedHeaderUseCase.Refusal.PASSWORD_AUTH_DISABLED
                    ? ApiError.of(403, Messages.ACTION_PROHIBITED) : ApiError.of(400, Messages.INVALID_TRUSTED_HEADER);
        }
        startSession(ctx, ((SignInWithTrustedHeaderUseCase.Result.SignedIn) result).session());
    }

    private void signUp(Context ctx) {
        SignupForm form = json.read(ctx, SignupForm.class);
        String picture = form.profileImageUrl() == null ? UserProfile.DEFAULT_IMAGE : form.profileImageUrl();
        new Json.Problems()
                .check(settings.profileImagePolicy().allows(picture), "profile_image_url", "Invalid profile image URL")
                .throwIfAny();
        EmailAddress email = EmailAddress.parse(form.email())
                .orElseThrow(() -> ApiError.of(400, Messages.INVALID_EMAIL_FORMAT));
        SignUpUseCase.Result result = useCases.get().signUp().signUp(
                new SignUpUseCase.Command(form.name(), email, PlainPassword.of(form.password()), picture));
        if (result instanceof SignUpUseCase.Result.Refused) {
            SignUpUseCase.Result.Refused refused = (SignUpUseCase.Result.Refused) result;
            switch (refused.reason()) {
                case PASSWORD_AUTH_DISABLED: throw ApiError.of(403, Messages.ACTION_PROHIBITED);
                case SIGNUP_DISABLED: throw ApiError.of(403, Messages.ACCESS_PROHIBITED);
                case EMAIL_TAKEN: throw ApiError.of(400, Messages.EMAIL_TAKEN);
                default: throw Wire.passwordRejected(refused.password().orElseThrow());
            }
        }
        startSession(ctx, ((SignUpUseCase.Result.SignedUp) result).session());
    }

    /** Sets the session cookie and answers with the session (Open WebUI's sign-in answer). */
    static void startSession(Context ctx, SessionCookies cookies, Session session) {
        cookies.setToken(ctx, session.token(), session.claims().expiresAt());
        ctx.json(Wire.session(session));
    }

    private void startSession(Context ctx, Session session) {
        startSession(ctx, cookies, session);
    }

    private void signOut(Context ctx) {
        Optional<String> token = authenticator.presented(ctx)
                .filter(credential -> credential.source() != PresentedCredential.Source.API_KEY_HEADER)
                .map(PresentedCredential::value);
        SignOutUseCase.Result result = useCases.get().signOut().signOut(new SignOutUseCase.Command(token,
                Optional.ofNullable(ctx.cookie(SessionCookies.OAUTH_SESSION))));
        cookies.delete(ctx, SessionCookies.SIGN_OUT_COOKIES);
        ctx.json(new SignoutResponse(true, result.redirectUrl().orElse(null)));
    }

    /** Who the caller is; a session token is set again in the cookie, with its remaining lifetime (§1.1). */
    private void session(Context ctx) {
        Principal principal = authenticator.require(ctx, Access.SIGNED_IN);
        SessionInfo info = useCases.get().describeSession().describe(principal);
        String presented = authenticator.presented(ctx).orElseThrow().value();
        Optional<TokenClaims> claims = principal.sessionClaims();
        claims.ifPresent(session -> cookies.setToken(ctx, new EncodedToken(presented), session.expiresAt()));
        ctx.json(Wire.sessionInfo(info, presented, claims.flatMap(TokenClaims::expiresAt), permissions));
    }

    private void configuration(Context ctx) {
        Optional<Principal> caller;
        try {
            caller = authenticator.identify(ctx);
        } catch (ApiError refused) {
            throw refused.status() == 401 ? ApiError.of(401, Messages.REVOKED_TOKEN) : refused;
        }
        PublicConfiguration config = useCases.get().describeConfiguration().describe(caller);
        Map<String, Object> body = new LinkedHashMap<>();
        if (config.onboarding()) {
            body.put("onboarding", true);
        }
        body.put("status", true);
        body.put("name", settings.instanceName());
        body.put("version", settings.version());
        body.put("default_locale", "");
        Map<String, String> providers = new LinkedHashMap<>();
        useCases.get().beginOAuthLogin().providers().forEach(provider -> providers.put(provider.id(), provider.displayName()));
        // Open WebUI's login page reads auto_redirect and goes straight to the provider when there is just one
        body.put("oauth", Map.of("providers", providers, "auto_redirect", config.oauthAutoRedirect()));
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("auth", config.authEnabled());
        features.put("auth_trusted_header", proxy.isPresent());
        features.put("enable_signup_password_confirmation", settings.signupPasswordConfirmation());
        features.put("enable_ldap", config.ldapEnabled());
        features.put("enable_api_keys", config.apiKeysEnabled());
        features.put("enable_signup", config.signupEnabled());
        features.put("enable_login_form", config.loginFormEnabled());
        features.put("enable_websocket", false);
        body.put("features", features);
        config.defaultPermissions().ifPresent(permissions -> body.put("permissions", permissions.toMap()));
        config.pendingOverlay().ifPresent(overlay -> body.put("ui", Map.of(
                "pending_user_overlay_title", overlay.title(), "pending_user_overlay_content", overlay.content())));
        ctx.json(body);
    }
}
