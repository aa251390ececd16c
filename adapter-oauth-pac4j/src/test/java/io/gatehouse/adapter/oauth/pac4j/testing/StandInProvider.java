package io.gatehouse.adapter.oauth.pac4j.testing;

import io.gatehouse.adapter.oauth.pac4j.ProviderSettings;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small OpenID provider on 127.0.0.1 whose every token is ours to shape: it signs with Nimbus keys the test holds,
 * can rotate them, forge with a key it does not publish, or not sign at all, and answers user information the test
 * chooses. It enforces PKCE S256 like a real provider.
 */
public final class StandInProvider implements AutoCloseable {

    public static final String CLIENT_ID = "gatehouse";
    public static final String CLIENT_SECRET = "stand-in-secret";

    /**
     * A request the token endpoint received.
     *
     * @param body          its body as sent
     * @param form          its form parameters
     * @param authorization its {@code Authorization} header, when it had one
     */
    public record TokenRequest(String body, Map<String, String> form, java.util.Optional<String> authorization) {
    }

    /** How the next id_tokens are signed. */
    public enum Signing { PUBLISHED_KEY, UNPUBLISHED_KEY, NONE }

    private final HttpServer server;
    private final Map<String, Map<String, String>> pendingCodes = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final List<TokenRequest> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile RSAKey key = newKey();
    private final RSAKey unpublished = newKey();
    private volatile Signing signing = Signing.PUBLISHED_KEY;
    private volatile UnaryOperator<JWTClaimsSet.Builder> idTokenClaims = UnaryOperator.identity();
    private volatile Map<String, Object> userInfo = Map.of();
    private volatile String subject = "alice";
    private volatile List<String> challengeMethods = List.of("S256");
    private volatile String publishedIssuer;
    private final java.util.Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final List<String> photoRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StandInProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
        });
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", exchange -> json(exchange, 200, userInfoAnswer()));
        server.createContext("/me/photo", this::photo);
        // the discovery document under any path too, as Microsoft's /{tenant}/v2.0/.well-known/openid-configuration
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/.well-known/openid-configuration")) {
                json(exchange, 200, discovery());
            } else {
                json(exchange, 404, Map.of("error", "not_found"));
            }
        });
        server.start();
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The issuer the discovery document publishes from now on, instead of {@link #issuer()}: a template such as
     * Microsoft's {@code https://login.microsoftonline.com/{tenantid}/v2.0}. The id_tokens still name {@link #issuer()}
     * unless shaped otherwise.
     */
    public void publishIssuer(String issuer) {
        publishedIssuer = issuer;
    }

    /** A picture endpoint, as Microsoft Graph's {@code /me/photo/$value}: a PNG for an access token it issued. */
    public URI photoUrl() {
        return URI.create(issuer() + "/me/photo/$value");
    }

    /** The {@code Authorization} header of each request to {@link #photoUrl()}, oldest first. */
    public List<String> photoRequests() {
        return List.copyOf(photoRequests);
    }

    public URI discoveryUrl() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public ProviderSettings settings() {
        return ProviderSettings.openId("standin", CLIENT_ID, java.util.Optional.of(CLIENT_SECRET), discoveryUrl());
    }

    /** The requests the token endpoint received, oldest first. */
    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** A new signing key replaces the old one in the published JWKS, as at a provider's key rotation. */
    public void rotateKey() {
        key = newKey();
    }

    public void signWith(Signing how) {
        signing = how;
    }

    public void shapeIdToken(UnaryOperator<JWTClaimsSet.Builder> shape) {
        idTokenClaims = shape;
    }

    /** What the discovery document lists as {@code code_challenge_methods_supported}, for providers made from now. */
    public void listChallengeMethods(List<String> methods) {
        challengeMethods = methods;
    }

    public void answerUserInfo(Map<String, Object> claims) {
        userInfo = claims;
    }

    /** A token signed with the currently published key (for back-channel logout tokens). */
    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        return sign(claims, key, type);
    }

    /** A token signed with a key the provider never published. */
    public String forge(JWTClaimsSet claims, JOSEObjectType type) {
        return sign(claims, unpublished, type);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", publishedIssuer == null ? issuer().toString() : publishedIssuer);
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("userinfo_endpoint", issuer() + "/userinfo");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("end_session_endpoint", issuer() + "/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", challengeMethods);
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("backchannel_logout_supported", true);
        return document;
    }

    private void photo(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        photoRequests.add(authorization);
        if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, png.length);
        exchange.getResponseBody().write(png);
        exchange.close();
    }

    private String accessToken() {
        String token = "access-" + UUID.randomUUID();
        accessTokens.add(token);
        return token;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = query(exchange.getRequestURI());
        String code = UUID.randomUUID().toString();
        pendingCodes.put(code, request);
        exchange.getResponseHeaders().add("Location", request.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = query(URI.create("?" + body));
        tokenRequests.add(new TokenRequest(body, Map.copyOf(form),
                java.util.Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
        if ("refresh_token".equals(form.get("grant_type"))) {
            json(exchange, 200, Map.of("access_token", accessToken(), "token_type", "Bearer",
                    "expires_in", 300, "id_token", idToken(null)));
            return;
        }
        Map<String, String> authorization = pendingCodes.remove(form.get("code"));
        if (authorization == null || form.get("code_verifier") == null || !CodeChallenge.compute(
                CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier"))).getValue()
                .equals(authorization.get("code_challenge"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        json(exchange, 200, Map.of("access_token", accessToken(), "token_type", "Bearer",
                "expires_in", 300, "refresh_token", "refresh-" + UUID.randomUUID(),
                "id_token", idToken(authorization.get("nonce"))));
    }

    private String idToken(String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer().toString()).subject(subject)
                .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("email", "alice@id-token.example").claim("roles", List.of("admin"));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        JWTClaimsSet shaped = idTokenClaims.apply(claims).build();
        return switch (signing) {
            case PUBLISHED_KEY -> sign(shaped, key, JOSEObjectType.JWT);
            case UNPUBLISHED_KEY -> sign(shaped, unpublished, JOSEObjectType.JWT);
            case NONE -> new PlainJWT(shaped).serialize();
        };
    }

    private Map<String, Object> userInfoAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sub", subject);
        answer.putAll(userInfo);
        return answer;
    }

    private static String sign(JWTClaimsSet claims, RSAKey with, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) { // pac4j asks whether the discovery document changed
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
