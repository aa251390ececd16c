package io.gatehouse.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The quick start: no database to install, a key kept in the data folder, everything survives a restart. */
class StandaloneServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Map<String, String> quickStart(String... extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "HOST", "127.0.0.1", "PORT", "0",
                "BCRYPT_COST", "4"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private Map<?, ?> call(StandaloneServer server, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        return Map.of("status", response.statusCode(), "body", answer);
    }

    @Test
    void aFirstAccountAndItsTokenSurviveARestart() throws Exception {
        String token;
        try (StandaloneServer server = StandaloneServer.start(quickStart())) {
            assertEquals(true, body(call(server, "GET", "/api/config", null, null)).get("onboarding"));
            Map<?, ?> signup = call(server, "POST", "/api/v1/auths/signup",
                    "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"password\":\"correct horse\"}", null);
            assertEquals(200, signup.get("status"));
            token = (String) body(signup).get("token");
        }

        try (StandaloneServer restarted = StandaloneServer.start(quickStart())) {
            Map<?, ?> session = call(restarted, "GET", "/api/v1/auths/", null, token);
            assertEquals(200, session.get("status"), "the same kept key still verifies the token");
            assertEquals("admin", body(session).get("role"));
            Map<?, ?> config = body(call(restarted, "GET", "/api/config", null, null));
            assertEquals(false, ((Map<?, ?>) config.get("features")).get("enable_signup"), "closing sign-up was stored");
        }
    }

    @Test
    void anEmbeddingApplicationAddsItsOwnRoutesBehindTheSameGuards() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(quickStart(),
                config -> config.routes.get("/health", ctx -> ctx.json(Map.of("up", true))))) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode());
            assertEquals("{\"up\":true}", health.body());
            assertEquals("nosniff", health.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals(200, call(server, "GET", "/api/config", null, null).get("status"));
        }
    }

    @Test
    void theInitialAdminComesFromTheEnvironment() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(quickStart("WEBUI_ADMIN_EMAIL", "root@example.org",
                "WEBUI_ADMIN_PASSWORD", "a long admin password"))) {
            Map<?, ?> signin = call(server, "POST", "/api/v1/auths/signin",
                    "{\"email\":\"root@example.org\",\"password\":\"a long admin password\"}", null);

            assertEquals(200, signin.get("status"));
            assertEquals("admin", body(signin).get("role"));
            assertFalse(body(call(server, "GET", "/api/config", null, null)).containsKey("onboarding"));
        }
    }

    private static Map<?, ?> body(Map<?, ?> response) {
        return (Map<?, ?>) response.get("body");
    }
}
