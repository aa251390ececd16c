package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.domain.oauth.OpenIdClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One identity provider, in Open WebUI's terms (and LibreChat's for Discord and Apple). Start from the factory of the
 * provider's kind, which fills in Open WebUI's defaults, then adjust with the {@code with...} methods. Reading the
 * environment is the composition root's job; the variables each field stands for:
 *
 * <table>
 *   <caption>Open WebUI settings</caption>
 *   <tr><th>field</th><th>variables</th></tr>
 *   <tr><td>clientId / clientSecret</td><td>{@code OAUTH_CLIENT_ID}/{@code _SECRET}, {@code GOOGLE_CLIENT_ID}/{@code
 *       _SECRET}, {@code MICROSOFT_...}, {@code GITHUB_...}, {@code FEISHU_...}, {@code DISCORD_...},
 *       {@code APPLE_CLIENT_ID}</td></tr>
 *   <tr><td>discoveryUrl</td><td>{@code OPENID_PROVIDER_URL}; Google's is fixed; Microsoft's is built from
 *       {@code MICROSOFT_CLIENT_TENANT_ID} and {@code MICROSOFT_CLIENT_LOGIN_BASE_URL}</td></tr>
 *   <tr><td>endpoints</td><td>GitHub, Discord and Feishu's fixed URLs (GitHub Enterprise:
 *       {@code GITHUB_ENTERPRISE_BASE_URL})</td></tr>
 *   <tr><td>scopes</td><td>{@code OAUTH_SCOPES}, {@code GOOGLE_OAUTH_SCOPE}, {@code MICROSOFT_OAUTH_SCOPE},
 *       {@code GITHUB_CLIENT_SCOPE}, {@code FEISHU_OAUTH_SCOPE}</td></tr>
 *   <tr><td>tokenEndpointAuthMethod</td><td>{@code OAUTH_TOKEN_ENDPOINT_AUTH_METHOD}</td></tr>
 *   <tr><td>audience</td><td>{@code OAUTH_AUDIENCE}</td></tr>
 *   <tr><td>authorizeParams</td><td>{@code OAUTH_AUTHORIZE_PARAMS}, {@code GOOGLE_OAUTH_AUTHORIZE_PARAMS} (the JSON
 *       object, parsed)</td></tr>
 *   <tr><td>timeout</td><td>{@code OAUTH_TIMEOUT}</td></tr>
 *   <tr><td>endSessionEndpoint</td><td>{@code OPENID_END_SESSION_ENDPOINT}</td></tr>
 *   <tr><td>subjectClaim</td><td>{@code OAUTH_SUB_CLAIM}</td></tr>
 *   <tr><td>displayName</td><td>{@code OAUTH_PROVIDER_NAME}</td></tr>
 *   <tr><td>tokenRequests</td><td>{@code OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID},
 *       {@code OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE}</td></tr>
 *   <tr><td>pictureUrl</td><td>{@code MICROSOFT_CLIENT_PICTURE_URL}</td></tr>
 *   <tr><td>appleKey</td><td>{@code APPLE_TEAM_ID}, {@code APPLE_KEY_ID}, the key in {@code APPLE_PRIVATE_KEY_PATH}</td></tr>
 * </table>
 *
 * <p>PKCE is always S256 (Open WebUI accepts no other {@code OAUTH_CODE_CHALLENGE_METHOD}), and is left out only when
 * an OpenID provider's metadata lists code challenge methods without S256. The client secret and the Apple key never
 * appear in {@link #toString()}.
 *
 * @param id                      the id in URLs and in linked accounts ({@code google}, {@code oidc}, ...); several
 *                                generic OpenID providers need distinct ids
 * @param kind                    which provider this is
 * @param displayName             the name on the login button
 * @param clientId                the client id registered at the provider
 * @param clientSecret            the client secret; none for a public client (PKCE only)
 * @param discoveryUrl            the full {@code .well-known/openid-configuration} URL (OpenID kinds but Apple)
 * @param endpoints               authorization, token and user endpoints (plain OAuth 2.0 kinds)
 * @param scopes                  the scopes requested
 * @param tokenEndpointAuthMethod how the client authenticates at the token endpoint; by default the first the
 *                                provider supports ({@code client_secret_basic} without metadata), {@code none}
 *                                without a secret
 * @param audience                sent as {@code audience} in the authorization request (Auth0)
 * @param authorizeParams         more parameters for every authorization request
 * @param timeout                 how long one call to the provider may take
 * @param endSessionEndpoint      a fixed logout URL, used instead of the metadata's (Cognito)
 * @param subjectClaim            the claim that identifies the user; by default the kind's ({@code sub},
 *                                {@code id}, {@code user_id})
 * @param appleKey                Apple's signing key for its client secret (Apple only)
 * @param tokenRequests           what goes into requests to the token endpoint beyond what OAuth requires
 * @param pictureUrl              where the provider serves the user's picture to their access token (Microsoft
 *                                Graph's by default for Microsoft), asked when the claims name no picture; the access
 *                                token is sent there and nowhere else
 */
public record ProviderSettings(String id, Kind kind, String displayName, String clientId,
                               Optional<String> clientSecret, Optional<URI> discoveryUrl,
                               Optional<Endpoints> endpoints, List<String> scopes,
                               Optional<TokenEndpointAuthMethod> tokenEndpointAuthMethod, Optional<String> audience,
                               Map<String, String> authorizeParams, Duration timeout,
                               Optional<URI> endSessionEndpoint, Optional<String> subjectClaim,
                               Optional<AppleKey> appleKey, TokenRequests tokenRequests,
                               Optional<URI> pictureUrl) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String MICROSOFT_LOGIN_BASE_URL = "https://login.microsoftonline.com";
    /** Open WebUI's default {@code MICROSOFT_CLIENT_PICTURE_URL}: the signed-in user's photo at Microsoft Graph. */
    public static final URI MICROSOFT_GRAPH_PHOTO = URI.create("https://graph.microsoft.com/v1.0/me/photo/$value");
    private static final List<String> OPENID_SCOPES = List.of("openid", "email", "profile");

    /** The providers Gatehouse knows; the generic {@link #OPENID} one covers any OpenID Connect provider. */
    public enum Kind {
        GOOGLE(true, "sub"), MICROSOFT(true, "sub"), OPENID(true, "sub"), APPLE(true, "sub"),
        GITHUB(false, "id"), DISCORD(false, "id"), FEISHU(false, "user_id");

        private final boolean openId;
        private final String subjectClaim;

        Kind(boolean openId, String subjectClaim) {
            this.openId = openId;
            this.subjectClaim = subjectClaim;
        }

        /** Whether the provider speaks OpenID Connect (id_token, discovery, logout). */
        public boolean isOpenId() {
            return openId;
        }

        /** The claim that identifies the user at this kind of provider, unless configured otherwise. */
        public String defaultSubjectClaim() {
            return subjectClaim;
        }
    }

    /** The client authentication methods at the token endpoint that Gatehouse supports. */
    public enum TokenEndpointAuthMethod {
        CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE;

        /** The method by its OAuth name ({@code client_secret_post} ...), as {@code OAUTH_TOKEN_ENDPOINT_AUTH_METHOD}. */
        public static TokenEndpointAuthMethod parse(String name) {
            for (TokenEndpointAuthMethod method : values()) {
                if (method.oauthName().equals(name.strip())) {
                    return method;
                }
            }
            throw new IllegalArgumentException("unsupported token endpoint auth method: " + name.strip()
                    + " (client_secret_basic, client_secret_post or none)");
        }

        /** The OAuth name. */
        public String oauthName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The URLs of a plain OAuth 2.0 provider.
     *
     * @param authorization the authorization endpoint
     * @param token         the token endpoint
     * @param userInfo      the endpoint that answers the user's profile for the access token; GitHub's e-mail list
     *                      is this URL followed by {@code /emails}
     */
    public record Endpoints(URI authorization, URI token, URI userInfo) {
        public Endpoints {
            Objects.requireNonNull(authorization, "authorization");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(userInfo, "userInfo");
        }
    }

    /**
     * The key Apple's client secret is signed with: Apple wants a short-lived ES256 JWT instead of a fixed secret.
     *
     * @param teamId        the Apple developer team id
     * @param keyId         the key's id
     * @param privateKeyPem the PKCS#8 private key, PEM text as Apple hands it out
     */
    public record AppleKey(String teamId, String keyId, String privateKeyPem) {
        public AppleKey {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        @Override
        public String toString() {
            return "AppleKey[teamId=" + teamId + ", keyId=" + keyId + ", privateKey=(hidden)]";
        }
    }

    /**
     * What requests to the token endpoint carry beyond what OAuth requires, for providers that want more.
     *
     * @param clientIdInCodeExchange {@code client_id} in the body of the code exchange even when the client
     *                               authenticates with HTTP Basic ({@code OAUTH_ACCESS_TOKEN_REQUEST_INCLUDE_CLIENT_ID});
     *                               {@code client_secret_post} and public clients send it anyway
     * @param scopeOnRefresh         the configured scopes as {@code scope} in refresh requests
     *                               ({@code OAUTH_REFRESH_TOKEN_INCLUDE_SCOPE}); without it the refreshed tokens keep
     *                               the scope first granted (RFC 6749 §6)
     */
    public record TokenRequests(boolean clientIdInCodeExchange, boolean scopeOnRefresh) {
        /** Open WebUI's defaults: neither. */
        public static final TokenRequests OPEN_WEBUI = new TokenRequests(false, false);
    }

    public ProviderSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(discoveryUrl, "discoveryUrl");
        Objects.requireNonNull(endpoints, "endpoints");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        Objects.requireNonNull(audience, "audience");
        authorizeParams = Map.copyOf(authorizeParams);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(endSessionEndpoint, "endSessionEndpoint");
        Objects.requireNonNull(subjectClaim, "subjectClaim");
        Objects.requireNonNull(appleKey, "appleKey");
        Objects.requireNonNull(tokenRequests, "tokenRequests");
        Objects.requireNonNull(pictureUrl, "pictureUrl");
        if (pictureUrl.filter(url -> !OpenIdClient.isWebUrl(url)).isPresent()) {
            throw new IllegalArgumentException("provider " + id + ": the picture URL is an absolute http(s) URL");
        }
        if (!id.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("a provider id is lower-case letters, digits, '_', '.' or '-': " + id);
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("provider " + id + " needs a client id");
        }
        clientSecret = clientSecret.filter(secret -> !secret.isEmpty());
        if (kind == Kind.APPLE ? appleKey.isEmpty()
                : kind.isOpenId() ? discoveryUrl.isEmpty() : endpoints.isEmpty()) {
            throw new IllegalArgumentException("provider " + id + " needs "
                    + (kind == Kind.APPLE ? "Apple's signing key" : kind.isOpenId() ? "a discovery URL" : "its endpoints"));
        }
        if (!kind.isOpenId() && clientSecret.isEmpty()) {
            throw new IllegalArgumentException("provider " + id + " needs a client secret");
        }
        if (tokenEndpointAuthMethod.filter(method -> method != TokenEndpointAuthMethod.NONE).isPresent()
                && clientSecret.isEmpty() && kind != Kind.APPLE) {
            throw new IllegalArgumentException("provider " + id + " authenticates with a client secret but has none");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("provider " + id + " needs a positive timeout");
        }
    }

    /** A generic OpenID provider (Keycloak, Authentik, Okta, Auth0, Cognito ...), as Open WebUI's {@code oidc}. */
    public static ProviderSettings openId(String id, String clientId, Optional<String> clientSecret, URI discoveryUrl) {
        return new ProviderSettings(id, Kind.OPENID, "SSO", clientId, clientSecret, Optional.of(discoveryUrl),
                Optional.empty(), OPENID_SCOPES, Optional.empty(), Optional.empty(), Map.of(), DEFAULT_TIMEOUT,
                Optional.empty(), Optional.empty(), Optional.empty(), TokenRequests.OPEN_WEBUI, Optional.empty());
    }

    /** Google, through its OpenID discovery document. */
    public static ProviderSettings google(String clientId, String clientSecret) {
        return new ProviderSettings("google", Kind.GOOGLE, "Google", clientId, Optional.of(clientSecret),
                Optional.of(URI.create("https://accounts.google.com/.well-known/openid-configuration")),
                Optional.empty(), OPENID_SCOPES, Optional.empty(), Optional.empty(), Map.of(), DEFAULT_TIMEOUT,
                Optional.empty(), Optional.empty(), Optional.empty(), TokenRequests.OPEN_WEBUI, Optional.empty());
    }

    /** Microsoft Entra ID for one tenant, at {@code login.microsoftonline.com}. */
    public static ProviderSettings microsoft(String clientId, String clientSecret, String tenantId) {
        return microsoft(clientId, clientSecret, tenantId, URI.create(MICROSOFT_LOGIN_BASE_URL));
    }

    /** Microsoft Entra ID for one tenant, at another login base URL (sovereign clouds). */
    public static ProviderSettings microsoft(String clientId, String clientSecret, String tenantId, URI loginBaseUrl) {
        if (tenantId.isBlank() || tenantId.contains("/")) {
            throw new IllegalArgumentException("the Microsoft tenant id is one path segment");
        }
        String base = loginBaseUrl.toString().replaceAll("/+$", "");
        URI discovery = URI.create(base + "/" + tenantId + "/v2.0/.well-known/openid-configuration?appid="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        return new ProviderSettings("microsoft", Kind.MICROSOFT, "Microsoft", clientId, Optional.of(clientSecret),
                Optional.of(discovery), Optional.empty(), OPENID_SCOPES, Optional.empty(), Optional.empty(), Map.of(),
                DEFAULT_TIMEOUT, Optional.empty(), Optional.empty(), Optional.empty(), TokenRequests.OPEN_WEBUI,
                Optional.of(MICROSOFT_GRAPH_PHOTO));
    }

    /** Sign in with Apple; the client secret is made from the key. */
    public static ProviderSettings apple(String clientId, AppleKey key) {
        // Apple sends the user's name and e-mail only with form_post, and only at the first login.
        return new ProviderSettings("apple", Kind.APPLE, "Apple", clientId, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("openid", "name", "email"), Optional.empty(), Optional.empty(),
                Map.of("response_mode", "form_post"), DEFAULT_TIMEOUT, Optional.empty(), Optional.empty(),
                Optional.of(key), TokenRequests.OPEN_WEBUI, Optional.empty());
    }

    /** GitHub (or GitHub Enterprise, with {@link #withEndpoints}). */
    public static ProviderSettings github(String clientId, String clientSecret) {
        return plain("github", Kind.GITHUB, "GitHub", clientId, clientSecret, new Endpoints(
                URI.create("https://github.com/login/oauth/authorize"),
                URI.create("https://github.com/login/oauth/access_token"),
                URI.create("https://api.github.com/user")), List.of("user:email"));
    }

    /** Discord. */
    public static ProviderSettings discord(String clientId, String clientSecret) {
        return plain("discord", Kind.DISCORD, "Discord", clientId, clientSecret, new Endpoints(
                URI.create("https://discord.com/oauth2/authorize"),
                URI.create("https://discord.com/api/oauth2/token"),
                URI.create("https://discord.com/api/users/@me")), List.of("identify", "email"));
    }

    /** Feishu (Lark). */
    public static ProviderSettings feishu(String clientId, String clientSecret) {
        return plain("feishu", Kind.FEISHU, "Feishu", clientId, clientSecret, new Endpoints(
                URI.create("https://accounts.feishu.cn/open-apis/authen/v1/authorize"),
                URI.create("https://open.feishu.cn/open-apis/authen/v2/oauth/token"),
                URI.create("https://open.feishu.cn/open-apis/authen/v1/user_info")),
                List.of("contact:user.base:readonly"));
    }

    private static ProviderSettings plain(String id, Kind kind, String name, String clientId, String clientSecret,
                                          Endpoints endpoints, List<String> scopes) {
        return new ProviderSettings(id, kind, name, clientId, Optional.of(clientSecret), Optional.empty(),
                Optional.of(endpoints), scopes, Optional.empty(), Optional.empty(), Map.of(), DEFAULT_TIMEOUT,
                Optional.empty(), Optional.empty(), Optional.empty(), TokenRequests.OPEN_WEBUI, Optional.empty());
    }

    public ProviderSettings withId(String newId) {
        return new ProviderSettings(newId, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withDisplayName(String name) {
        return new ProviderSettings(id, kind, name, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withDiscoveryUrl(URI url) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, Optional.of(url), endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withEndpoints(Endpoints urls) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, Optional.of(urls),
                scopes, tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim,
                appleKey, tokenRequests, pictureUrl);
    }

    public ProviderSettings withScopes(List<String> newScopes) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, newScopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withTokenEndpointAuthMethod(TokenEndpointAuthMethod method) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                Optional.of(method), audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withAudience(String newAudience) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, Optional.of(newAudience).filter(value -> !value.isBlank()), authorizeParams,
                timeout, endSessionEndpoint, subjectClaim, appleKey, tokenRequests, pictureUrl);
    }

    /** Adds parameters to every authorization request; later ones win. */
    public ProviderSettings withAuthorizeParams(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(authorizeParams);
        merged.putAll(more);
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, merged, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withTimeout(Duration newTimeout) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, newTimeout, endSessionEndpoint, subjectClaim,
                appleKey, tokenRequests, pictureUrl);
    }

    public ProviderSettings withEndSessionEndpoint(URI url) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, Optional.of(url), subjectClaim, appleKey,
                tokenRequests, pictureUrl);
    }

    public ProviderSettings withSubjectClaim(String claim) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint,
                Optional.of(claim).filter(value -> !value.isBlank()), appleKey, tokenRequests, pictureUrl);
    }

    public ProviderSettings withTokenRequests(TokenRequests requests) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                requests, pictureUrl);
    }

    /** The provider's picture endpoint (Microsoft Graph's photo by default for Microsoft); empty for none. */
    public ProviderSettings withPictureUrl(Optional<URI> url) {
        return new ProviderSettings(id, kind, displayName, clientId, clientSecret, discoveryUrl, endpoints, scopes,
                tokenEndpointAuthMethod, audience, authorizeParams, timeout, endSessionEndpoint, subjectClaim, appleKey,
                tokenRequests, url);
    }

    /** The claim that identifies the user: the configured one, else the kind's. */
    public String effectiveSubjectClaim() {
        return subjectClaim.orElse(kind.defaultSubjectClaim());
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", kind=" + kind + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isPresent() ? "(hidden)" : "(none)") + ", discoveryUrl="
                + discoveryUrl.map(URI::toString).orElse("") + ", endpoints=" + endpoints.map(Endpoints::toString).orElse("")
                + ", scopes=" + scopes + ", audience=" + audience.orElse("") + ", authorizeParams="
                + authorizeParams.keySet() + ", timeout=" + timeout + ", appleKey=" + appleKey.map(AppleKey::toString).orElse("")
                + ", tokenRequests=" + tokenRequests + ", pictureUrl=" + pictureUrl.map(URI::toString).orElse("") + "]";
    }

    /** The {@code Authorization} header of {@code client_secret_basic}: id and secret form-encoded first (RFC 6749 §2.3.1). */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((LogoutUrl.encode(clientId) + ":"
                + LogoutUrl.encode(clientSecret.orElse(""))).getBytes(StandardCharsets.UTF_8));
    }
}
