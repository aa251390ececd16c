package io.gatehouse.adapter.http.javalin;

import io.gatehouse.domain.token.EncodedToken;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The cookies of Open WebUI's auth surface. The session token travels in {@code token}: HttpOnly, {@code Path=/},
 * SameSite and Secure as configured, Expires and Max-Age matching the token; a token that never expires makes a
 * session cookie. Sign-out deletes {@code token} and the OAuth cookies, under their real names (Open WebUI deletes a
 * misspelt {@code oui-session}).
 */
final class SessionCookies {

    static final String TOKEN = "token";
    /** The key of a single sign-on in progress; its state stays on the server. */
    static final String OAUTH_LOGIN = "oauth_login";
    /** The session single sign-on left at the provider, ended at sign-out. */
    static final String OAUTH_SESSION = "oauth_session_id";
    /** Open WebUI's legacy cookie with the provider's id_token ({@code ENABLE_OAUTH_ID_TOKEN_COOKIE}). */
    static final String OAUTH_ID_TOKEN = "oauth_id_token";
    static final String[] SIGN_OUT_COOKIES = {TOKEN, OAUTH_ID_TOKEN, OAUTH_SESSION, "owui-session", OAUTH_LOGIN};
    static final String[] AUTH_FAILURE_COOKIES = {TOKEN, OAUTH_ID_TOKEN, OAUTH_SESSION};

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String sameSite;
    private final boolean secure;
    private final Clock clock;

    SessionCookies(String sameSite, boolean secure, Clock clock) {
        this.sameSite = sameSite;
        this.secure = secure;
        this.clock = clock;
    }

    /** Sets the {@code token} cookie to live exactly as long as the token still does. */
    void setToken(Context ctx, EncodedToken token, Optional<Instant> expiresAt) {
        setToken(ctx, token, expiresAt, true);
    }

    /**
     * As {@link #setToken(Context, EncodedToken, Optional)}; after a single sign-on the cookie is readable by the
     * front end, which moves the token into its own storage (Open WebUI §7.4 step 13).
     */
    void setToken(Context ctx, EncodedToken token, Optional<Instant> expiresAt, boolean httpOnly) {
        setForSession(ctx, TOKEN, token.value(), expiresAt, httpOnly);
    }

    /**
     * The provider's id_token in Open WebUI's legacy {@code oauth_id_token} cookie (OW §2.4): HttpOnly, SameSite and
     * Secure as the token cookie, living as long as the session token. Only a value of the characters a compact JWT
     * is made of is written: anything else could break the header.
     */
    void setIdToken(Context ctx, String idToken, Optional<Instant> expiresAt) {
        if (idToken.matches("[A-Za-z0-9._-]+")) {
            setForSession(ctx, OAUTH_ID_TOKEN, idToken, expiresAt, true);
        }
    }

    private void setForSession(Context ctx, String name, String value, Optional<Instant> expiresAt, boolean httpOnly) {
        String attributes = httpOnly ? attributes() : attributes().replace("; HttpOnly", "");
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append(attributes);
        if (expiresAt.isPresent()) {
            // whole seconds, as the token counts them: a token issued this second gets its full lifetime
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            long secondsLeft = Math.max(0, Duration.between(now, expiresAt.get()).toSeconds());
            cookie.append("; Expires=").append(HTTP_DATE.format(expiresAt.get())).append("; Max-Age=").append(secondsLeft);
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    /**
     * The key of a login in progress, for as long as the login may take. {@code SameSite=Lax} whatever is configured:
     * the provider's redirect back is a cross-site navigation, which {@code Strict} would strip the cookie from. A
     * provider that returns with a cross-site POST ({@code form_post}, Apple) needs {@code SameSite=None}, which
     * browsers accept only with {@code Secure}, so over HTTPS.
     */
    void setLoginKey(Context ctx, String key, Duration lifetime, boolean crossSitePost) {
        String sameSite = crossSitePost ? "None; Secure" : "Lax" + (secure ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", OAUTH_LOGIN + "=" + key + "; Path=/; HttpOnly; SameSite=" + sameSite
                + "; Max-Age=" + lifetime.toSeconds());
    }

    /** Names the session at the provider, for as long as the session token lives. */
    void setIdpSession(Context ctx, String id, Optional<Instant> expiresAt) {
        StringBuilder cookie = new StringBuilder(OAUTH_SESSION).append('=').append(id).append(attributes());
        expiresAt.ifPresent(at -> cookie.append("; Expires=").append(HTTP_DATE.format(at)));
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    void delete(Context ctx, String... names) {
        for (String name : names) {
            ctx.res().addHeader("Set-Cookie", name + "=" + attributes()
                    + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0");
        }
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=" + sameSite + (secure ? "; Secure" : "");
    }
}
