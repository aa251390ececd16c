package io.gatehouse.adapter.http.javalin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Cross-site request forgery guard, and credentialed CORS for the origins the instance names.
 *
 * <p>An unsafe request (not GET/HEAD/OPTIONS) that does not carry its own credential in a header (so it would be
 * authenticated by the {@code token} cookie, or would set it: sign-in, sign-up) must come from an allowed origin: the
 * instance's own host, the origin of {@code WEBUI_URL}, or one listed in {@code CORS_ALLOW_ORIGIN}. Browsers always
 * send {@code Origin} on such requests; clients without it (curl, servers) are not browsers and cannot be forged
 * into sending cookies, so they pass. Requests with a bearer token or API key header cannot be forged at all.
 */
final class OriginGuard {

    private static final java.util.regex.Pattern PROVIDER_RETURN =
            java.util.regex.Pattern.compile("/oauth/[^/]+/(login/)?callback");

    private final Set<String> listedOrigins;
    private final Supplier<String> webuiUrl;
    private final String apiKeyHeader;

    OriginGuard(Set<String> listedOrigins, Supplier<String> webuiUrl, String apiKeyHeader) {
        this.listedOrigins = listedOrigins.stream().map(OriginGuard::normalise).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        this.webuiUrl = webuiUrl;
        this.apiKeyHeader = apiKeyHeader;
    }

    /**
     * Throws 403 for a forged request. A provider's {@code form_post} return to a single sign-on callback is
     * cross-site by design; what binds it to its browser is the single-use login key, not its origin.
     */
    void check(Context ctx) {
        if (isSafe(ctx.method()) || ctx.header("Authorization") != null || ctx.header(apiKeyHeader) != null
                || PROVIDER_RETURN.matcher(ctx.path()).matches()) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!isAllowed(origin, ctx)) {
                throw ApiError.of(403, Messages.CROSS_SITE);
            }
            return;
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)) {
            throw ApiError.of(403, Messages.CROSS_SITE);
        }
    }

    /** Lets the browser share answers with the listed origins, cookies included; no wildcard ever. */
    void addCorsHeaders(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && normalise(origin).map(listedOrigins::contains).orElse(false)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Credentials", "true");
            ctx.header("Vary", "Origin");
            if (ctx.method() == HandlerType.OPTIONS) {
                ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, " + apiKeyHeader);
                ctx.header("Access-Control-Max-Age", "600");
            }
        }
    }

    private boolean isAllowed(String origin, Context ctx) {
        Optional<String> normalised = normalise(origin);
        if (normalised.isEmpty()) {
            return false;
        }
        return listedOrigins.contains(normalised.get())
                || normalise(webuiUrl.get()).equals(normalised)
                || authorityOf(normalised.get()).equalsIgnoreCase(hostHeader(ctx));
    }

    /** The instance's own host as the browser addressed it; the scheme is left out because a TLS proxy changes it. */
    private static String hostHeader(Context ctx) {
        String host = ctx.header("Host");
        return host == null ? "" : withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT));
    }

    private static String authorityOf(String normalisedOrigin) {
        return normalisedOrigin.substring(normalisedOrigin.indexOf("://") + 3);
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or empty for what is not a web origin. */
    static Optional<String> normalise(String origin) {
        if (origin == null || origin.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String authority = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return Optional.of(scheme + "://" + withoutDefaultPort(authority));
        } catch (URISyntaxException notAnOrigin) {
            return Optional.empty();
        }
    }

    private static String withoutDefaultPort(String authority) {
        if (authority.endsWith(":80")) {
            return authority.substring(0, authority.length() - 3);
        }
        if (authority.endsWith(":443")) {
            return authority.substring(0, authority.length() - 4);
        }
        return authority;
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }
}
