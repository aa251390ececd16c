package io.gatehouse.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Open WebUI's generic OpenID provider, {@code oidc}: the one provider an admin configures at run time (Open WebUI
 * §7.1, §10.4). It is on when it has a client id and a discovery URL. Each field names the variable and the admin form
 * field it stands for; the client secret never appears in {@link #toString()}.
 *
 * @param providerName            the name on the login button ({@code OAUTH_PROVIDER_NAME})
 * @param providerUrl             the full {@code .well-known/openid-configuration} URL ({@code OPENID_PROVIDER_URL})
 * @param clientId                the client id registered at the provider, empty for none ({@code OAUTH_CLIENT_ID})
 * @param clientSecret            none for a public client, which then relies on PKCE ({@code OAUTH_CLIENT_SECRET})
 * @param redirectUri             the registered redirect URI, when it differs from the one derived from the request
 *                                ({@code OPENID_REDIRECT_URI})
 * @param scopes                  scopes separated by spaces ({@code OAUTH_SCOPES})
 * @param codeChallengeMethod     PKCE's method; only {@code S256} exists for Gatehouse, and PKCE is on without it
 *                                ({@code OAUTH_CODE_CHALLENGE_METHOD})
 * @param tokenEndpointAuthMethod {@code client_secret_basic}, {@code client_secret_post} or {@code none}; by default the
 *                                provider's first ({@code OAUTH_TOKEN_ENDPOINT_AUTH_METHOD})
 * @param endSessionEndpoint      a fixed logout URL instead of the metadata's ({@code OPENID_END_SESSION_ENDPOINT})
 * @param timeout                 how long one call to the provider may take; by default 10 s ({@code OAUTH_TIMEOUT})
 * @param subClaim                the claim identifying the user instead of {@code sub} ({@code OAUTH_SUB_CLAIM})
 * @param audience                sent as {@code audience} in the authorization request ({@code OAUTH_AUDIENCE})
 */
public record OpenIdClient(String providerName, Optional<URI> providerUrl, String clientId,
                           Optional<String> clientSecret, Optional<URI> redirectUri, String scopes,
                           Optional<String> codeChallengeMethod, Optional<String> tokenEndpointAuthMethod,
                           Optional<URI> endSessionEndpoint, Optional<Duration> timeout, Optional<String> subClaim,
                           Optional<String> audience) {

    /** The provider's id in URLs and in linked accounts, as in Open WebUI. */
    public static final String PROVIDER_ID = "oidc";
    /** The longest call to a provider that may be configured, as for the environment. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(300);
    private static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post", "none");

    public OpenIdClient {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(providerUrl, "providerUrl");
        clientId = Objects.requireNonNull(clientId, "clientId").strip();
        clientSecret = Objects.requireNonNull(clientSecret, "clientSecret").filter(secret -> !secret.isEmpty());
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        codeChallengeMethod = blankless(codeChallengeMethod, "codeChallengeMethod");
        tokenEndpointAuthMethod = blankless(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        Objects.requireNonNull(endSessionEndpoint, "endSessionEndpoint");
        Objects.requireNonNull(timeout, "timeout");
        subClaim = blankless(subClaim, "subClaim");
        audience = blankless(audience, "audience");
        if (providerName.isBlank()) {
            throw new IllegalArgumentException("OAUTH_PROVIDER_NAME must not be empty");
        }
        requireWebUrl("OPENID_PROVIDER_URL", providerUrl);
        requireWebUrl("OPENID_REDIRECT_URI", redirectUri);
        requireWebUrl("OPENID_END_SESSION_ENDPOINT", endSessionEndpoint);
        if (scopes.isBlank()) {
            throw new IllegalArgumentException("OAUTH_SCOPES must name at least one scope");
        }
        if (codeChallengeMethod.filter(method -> !method.equals("S256")).isPresent()) {
            throw new IllegalArgumentException("OAUTH_CODE_CHALLENGE_METHOD accepts only S256 (PKCE is always on "
                    + "where the provider supports S256)");
        }
        if (tokenEndpointAuthMethod.filter(method -> !AUTH_METHODS.contains(method)).isPresent()) {
            throw new IllegalArgumentException("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD must be client_secret_basic, "
                    + "client_secret_post or none");
        }
        // checked once there is a client: the method is shared with OAUTH_PROVIDERS, which have secrets of their own
        if (tokenEndpointAuthMethod.filter(method -> !method.equals("none")).isPresent() && clientSecret.isEmpty()
                && !clientId.isEmpty()) {
            throw new IllegalArgumentException("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD " + tokenEndpointAuthMethod.get()
                    + " needs OAUTH_CLIENT_SECRET");
        }
        if (timeout.filter(limit -> limit.isNegative() || limit.isZero() || limit.compareTo(MAX_TIMEOUT) > 0)
                .isPresent()) {
            throw new IllegalArgumentException("OAUTH_TIMEOUT must be between 1 and " + MAX_TIMEOUT.toSeconds()
                    + " seconds");
        }
    }

    /** Not configured: Open WebUI's defaults. */
    public static OpenIdClient defaults() {
        return new OpenIdClient("SSO", Optional.empty(), "", Optional.empty(), Optional.empty(),
                "openid email profile", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Whether the provider is on: it has a client id and a discovery URL. */
    public boolean isConfigured() {
        return !clientId.isEmpty() && providerUrl.isPresent();
    }

    /** The scopes, one by one. */
    public List<String> scopeList() {
        return List.of(scopes.strip().split("\\s+"));
    }

    @Override
    public String toString() {
        return "OpenIdClient[providerName=" + providerName + ", providerUrl=" + providerUrl.map(URI::toString).orElse("")
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret.isPresent() ? "(hidden)" : "(none)")
                + ", redirectUri=" + redirectUri.map(URI::toString).orElse("") + ", scopes=" + scopes
                + ", codeChallengeMethod=" + codeChallengeMethod.orElse("") + ", tokenEndpointAuthMethod="
                + tokenEndpointAuthMethod.orElse("") + ", endSessionEndpoint="
                + endSessionEndpoint.map(URI::toString).orElse("") + ", timeout=" + timeout.map(Duration::toString)
                .orElse("") + ", subClaim=" + subClaim.orElse("") + ", audience=" + audience.orElse("") + "]";
    }

    private static Optional<String> blankless(Optional<String> value, String name) {
        return Objects.requireNonNull(value, name).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static void requireWebUrl(String name, Optional<URI> url) {
        if (url.isPresent() && !isWebUrl(url.get())) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
        }
    }

    /** An absolute http or https URL with a host. */
    public static boolean isWebUrl(URI url) {
        return ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                && url.getHost() != null;
    }

    /** The text as an absolute http(s) URL, or empty when it is not one. */
    public static Optional<URI> webUrl(String text) {
        try {
            URI url = new URI(text.strip());
            return isWebUrl(url) ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
