package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a plain OAuth 2.0 provider's API (GitHub's, Discord's, Feishu's) on 127.0.0.1: it redirects back
 * with a code, redeems it only with the right client secret and PKCE verifier, and answers the user endpoints with
 * what the test set. Token endpoint errors come back as GitHub sends them: status 200 with an {@code error}.
 */
final class ApiStandIn implements AutoCloseable {

    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";

    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final boolean jsonTokenRequests;
    private volatile String lastTokenRequestContentType = "";
    private final List<Map<String, String>> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    record Answer(int status, String json) {
    }

    ApiStandIn(boolean jsonTokenRequests) throws IOException {
        this.jsonTokenRequests = jsonTokenRequests;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/", exchange -> {
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "{}"));
            boolean authorized = exchange.getRequestHeaders().getFirst("Authorization") != null
                    && exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer access-");
            send(exchange, authorized ? answer.status() : 401, authorized ? answer.json() : "{\"message\":\"Bad credentials\"}");
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    ProviderSettings.Endpoints endpoints(String userPath) {
        return new ProviderSettings.Endpoints(url("/authorize"), url("/token"), url(userPath));
    }

    void answer(String path, int status, Object json) {
        answers.put(path, new Answer(status, json instanceof String text ? text
                : json instanceof List<?> list ? com.nimbusds.jose.util.JSONArrayUtils.toJSONString(list)
                : JSONObjectUtils.toJSONString(castMap(json))));
    }

    void forget(String path) {
        answers.remove(path);
    }

    /** The parameters of each token request, oldest first. */
    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    String lastTokenRequestContentType() {
        return lastTokenRequestContentType;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Object json) {
        return (Map<String, ?>) json;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = Browser.query(exchange.getRequestURI());
        String code = UUID.randomUUID().toString();
        codes.put(code, request);
        exchange.getResponseHeaders().add("Location", request.get("redirect_uri") + "?code=" + code + "&state="
                + LogoutUrl.encode(request.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        lastTokenRequestContentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form;
        if (jsonTokenRequests) {
            try {
                form = new java.util.HashMap<>();
                for (Map.Entry<String, Object> entry : JSONObjectUtils.parse(body).entrySet()) {
                    form.put(entry.getKey(), String.valueOf(entry.getValue()));
                }
            } catch (java.text.ParseException notJson) {
                send(exchange, 400, "{\"code\":20001,\"error\":\"invalid_request\"}");
                return;
            }
        } else {
            form = Browser.query(URI.create("?" + body));
        }
        tokenRequests.add(Map.copyOf(form));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        boolean inBody = CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
        if (!inBody && !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 200, "{\"error\":\"incorrect_client_credentials\"}");
            return;
        }
        if ("refresh_token".equals(form.get("grant_type"))) {
            send(exchange, 200, "{\"access_token\":\"access-refreshed\",\"token_type\":\"bearer\",\"expires_in\":3600}");
            return;
        }
        Map<String, String> authorization = codes.remove(String.valueOf(form.get("code")));
        if (authorization == null || form.get("code_verifier") == null
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
                .getValue().equals(authorization.get("code_challenge"))) {
            send(exchange, 200, "{\"error\":\"bad_verification_code\"}");
            return;
        }
        send(exchange, 200, "{\"code\":0,\"access_token\":\"access-" + UUID.randomUUID()
                + "\",\"token_type\":\"bearer\",\"scope\":\"user:email\",\"refresh_token\":\"refresh-1\",\"expires_in\":7200}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
