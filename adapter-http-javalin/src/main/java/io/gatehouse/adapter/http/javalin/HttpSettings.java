package io.gatehouse.adapter.http.javalin;

import io.gatehouse.domain.user.ProfileImagePolicy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the HTTP surface behaves.
 *
 * @param cookieSameSite       {@code Lax}, {@code Strict} or {@code None} ({@code WEBUI_AUTH_COOKIE_SAME_SITE})
 * @param cookieSecure         whether cookies carry {@code Secure} ({@code WEBUI_AUTH_COOKIE_SECURE})
 * @param apiKeyHeader         the header API keys may come in ({@code CUSTOM_API_KEY_HEADER})
 * @param trustedProxies       peers whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXY_CIDRS})
 * @param allowedOrigins       other origins of the front end, allowed credentialed calls ({@code CORS_ALLOW_ORIGIN})
 * @param instanceName         shown by {@code /api/config} ({@code WEBUI_NAME})
 * @param version              shown by {@code /api/config}
 * @param signupPasswordConfirmation whether the front end asks for the password twice
 * @param maxRequestBytes      the largest request body accepted
 * @param profileImagePolicy   which picture URLs requests may set
 * @param trustedHeaders       the headers of trusted-header sign-in, when the mode is on
 * @param oauthIdTokenCookie   whether a single sign-on leaves the provider's id_token in Open WebUI's legacy
 *                             {@code oauth_id_token} cookie ({@code ENABLE_OAUTH_ID_TOKEN_COOKIE}, on by default)
 */
public record HttpSettings(String cookieSameSite, boolean cookieSecure, String apiKeyHeader, List<Cidr> trustedProxies,
                           Set<String> allowedOrigins, String instanceName, String version,
                           boolean signupPasswordConfirmation, long maxRequestBytes,
                           ProfileImagePolicy profileImagePolicy, Optional<TrustedHeaders> trustedHeaders,
                           boolean oauthIdTokenCookie) {

    public HttpSettings {
        Objects.requireNonNull(cookieSameSite, "cookieSameSite");
        if (!List.of("Lax", "Strict", "None").contains(cookieSameSite)) {
            throw new IllegalArgumentException("SameSite is Lax, Strict or None");
        }
        if (cookieSameSite.equals("None") && !cookieSecure) {
            throw new IllegalArgumentException("browsers drop SameSite=None cookies that are not Secure");
        }
        Objects.requireNonNull(apiKeyHeader, "apiKeyHeader");
        trustedProxies = List.copyOf(trustedProxies);
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(profileImagePolicy, "profileImagePolicy");
        Objects.requireNonNull(trustedHeaders, "trustedHeaders");
        if (trustedHeaders.isPresent() && trustedProxies.isEmpty()) {
            throw new IllegalArgumentException("trusted headers need trusted proxies: from anyone else they are forged");
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("the request size limit is at least 1 KiB");
        }
    }

    /** As the canonical constructor, with the {@code oauth_id_token} cookie on, as in Open WebUI. */
    public HttpSettings(String cookieSameSite, boolean cookieSecure, String apiKeyHeader, List<Cidr> trustedProxies,
                        Set<String> allowedOrigins, String instanceName, String version,
                        boolean signupPasswordConfirmation, long maxRequestBytes,
                        ProfileImagePolicy profileImagePolicy, Optional<TrustedHeaders> trustedHeaders) {
        this(cookieSameSite, cookieSecure, apiKeyHeader, trustedProxies, allowedOrigins, instanceName, version,
                signupPasswordConfirmation, maxRequestBytes, profileImagePolicy, trustedHeaders, true);
    }
}
