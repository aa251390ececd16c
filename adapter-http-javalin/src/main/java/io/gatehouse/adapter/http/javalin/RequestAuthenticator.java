package io.gatehouse.adapter.http.javalin;

import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the credential of a request (Open WebUI §2.3: {@code Authorization: Bearer}, then the {@code token} cookie,
 * then the API-key header), asks {@link AuthenticateUseCase} who it is, and enforces the route's access. The
 * principal is computed once per request. In trusted-header mode every credential must come with the proxy's header
 * naming the same user (Open WebUI checks only when the header is there, #14406), so a session cannot outlive or
 * switch the proxy's user, nor be used around the proxy.
 */
final class RequestAuthenticator {

    private static final String PRINCIPAL = RequestAuthenticator.class.getName() + ".principal";

    private final Supplier<AuthenticateUseCase> authenticate;
    private final SessionCookies cookies;
    private final String apiKeyHeader;
    private final Optional<ProxyIdentity> proxy;

    RequestAuthenticator(Supplier<AuthenticateUseCase> authenticate, SessionCookies cookies, String apiKeyHeader,
                         Optional<ProxyIdentity> proxy) {
        this.authenticate = authenticate;
        this.cookies = cookies;
        this.apiKeyHeader = apiKeyHeader;
        this.proxy = proxy;
    }

    Optional<PresentedCredential> presented(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            String[] parts = authorization.strip().split(" ", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && !parts[1].isBlank()) {
                return Optional.of(new PresentedCredential(parts[1].strip(), PresentedCredential.Source.AUTHORIZATION_HEADER));
            }
        }
        String cookie = ctx.cookie(SessionCookies.TOKEN);
        if (cookie != null && !cookie.isBlank()) {
            return Optional.of(new PresentedCredential(cookie, PresentedCredential.Source.COOKIE));
        }
        String apiKey = ctx.header(apiKeyHeader);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(new PresentedCredential(apiKey.strip(), PresentedCredential.Source.API_KEY_HEADER));
        }
        return Optional.empty();
    }

    /** The caller, who must be signed in with at least that access; otherwise a 401 or 403 is thrown. */
    Principal require(Context ctx, Access access) {
        Principal principal = identify(ctx).orElseThrow(() -> ApiError.of(401, Messages.NOT_AUTHENTICATED));
        boolean allowed;
        switch (access) {
            case ADMIN: allowed = principal.user().isAdmin(); break;
            case VERIFIED: allowed = principal.user().role().isVerified(); break;
            default: allowed = true; break;
        }
        if (!allowed) {
            throw ApiError.of(403, Messages.ACCESS_PROHIBITED);
        }
        return principal;
    }

    /** The caller when the request carries a credential; a credential that is not valid is a 401. */
    Optional<Principal> identify(Context ctx) {
        Principal cached = ctx.attribute(PRINCIPAL);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PresentedCredential> credential = presented(ctx);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        AuthenticateUseCase.Result result = authenticate.get().authenticate(
                new AuthenticateUseCase.Command(credential.get().value(), ctx.path()));
        if (result instanceof AuthenticateUseCase.Result.Refused) {
            throw refusal(ctx, credential.get(), ((AuthenticateUseCase.Result.Refused) result).reason());
        }
        Principal principal = ((AuthenticateUseCase.Result.Authenticated) result).principal();
        if (proxy.isPresent() && !proxy.get().email(ctx).equals(Optional.of(principal.user().email().value()))) {
            cookies.delete(ctx, SessionCookies.AUTH_FAILURE_COOKIES);
            throw ApiError.of(401, Messages.USER_MISMATCH);
        }
        ctx.attribute(PRINCIPAL, principal);
        return Optional.of(principal);
    }

    private ApiError refusal(Context ctx, PresentedCredential credential, AuthenticateUseCase.Refusal reason) {
        ApiError error;
        switch (reason) {
            case INVALID_TOKEN: error = ApiError.of(401, Messages.UNAUTHORIZED); break;
            case REVOKED_TOKEN: error = ApiError.of(401, Messages.REVOKED_TOKEN); break;
            case API_KEYS_NOT_ALLOWED: error = ApiError.of(403, Messages.API_KEY_NOT_ALLOWED); break;
            case API_KEY_ENDPOINT_NOT_ALLOWED: error = ApiError.of(403, Messages.ACCESS_PROHIBITED); break;
            default: error = ApiError.of(401, Messages.INVALID_TOKEN); break;
        }
        if (error.status() == 401 && credential.source() == PresentedCredential.Source.COOKIE) {
            cookies.delete(ctx, SessionCookies.AUTH_FAILURE_COOKIES);
        }
        return error;
    }
}
