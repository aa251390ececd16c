package io.gatehouse.adapter.http.javalin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.service.admin.GetSettingsService;
import io.gatehouse.domain.user.ProfileImagePolicy;
import io.javalin.Javalin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The HTTP surface on a random loopback port, over every real service wired on in-memory fakes, and a small client
 * that speaks JSON to it.
 */
final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final TestGatehouse gatehouse;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(TestGatehouse gatehouse, UseCases useCases, HttpSettings settings) {
        this.gatehouse = gatehouse;
        GatehouseHttpApi api = new GatehouseHttpApi(useCases, settings, gatehouse.clock);
        this.app = Javalin.create(api::configure).start("127.0.0.1", 0);
    }

    static TestServer start() {
        return start(new TestGatehouse(), settings -> settings);
    }

    static TestServer start(TestGatehouse gatehouse, UnaryOperator<HttpSettings> adjust) {
        return start(gatehouse, useCases(gatehouse), adjust);
    }

    static TestServer start(TestGatehouse gatehouse, UseCases useCases, UnaryOperator<HttpSettings> adjust) {
        return new TestServer(gatehouse, useCases, adjust.apply(defaultSettings()));
    }

    static HttpSettings defaultSettings() {
        return new HttpSettings("Lax", false, "x-api-key", List.of(), Set.of(), "Gatehouse", "test", false,
                64 * 1024, new ProfileImagePolicy(1000), Optional.empty());
    }

    static UseCases useCases(TestGatehouse g) {
        return new UseCases(g.signUp, g.signIn, g.signOut, g.authenticate, g.describeSession, g.describeConfiguration,
                g.updateProfile, g.updateTimezone, g.changePassword, g.createApiKey, g.getApiKey, g.deleteApiKey,
                g.addUser, g.adminContact, new GetSettingsService(g.settings), g.updateSettings, g.listUsers, g.updateUser,
                g.deleteUser, g.updateDefaultPermissions, g.listGroups, g.createGroup, g.getGroup, g.exportGroup,
                g.listGroupMembers, g.updateGroup, g.addGroupMembers, g.removeGroupMembers, g.deleteGroup,
                g.signInWithLdap, g.updateLdapSettings, g.signInWithTrustedHeader,
                g.beginOAuthLogin, g.completeOAuthLogin, g.deleteProviderSessions, g.backChannelLogout,
                g.exchangeProviderToken, g.updateOAuthSettings);
    }

    int port() {
        return app.port();
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends a request; {@code body} is JSON-encoded unless it is a String, which is sent as it is. */
    Response send(String method, String path, Object body, String... headers) {
        try {
            String payload = body == null ? "" : body instanceof String ? (String) body : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return new Response(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A response with its JSON body at hand. */
    static final class Response {
        final int status;
        final String body;
        private final HttpResponse<String> raw;

        Response(HttpResponse<String> raw) {
            this.raw = raw;
            this.status = raw.statusCode();
            this.body = raw.body();
        }

        Object json() {
            try {
                return JSON.readValue(body, Object.class);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json();
        }

        Object field(String name) {
            return object().get(name);
        }

        String detail() {
            return String.valueOf(object().get("detail"));
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        List<String> cookies() {
            return raw.headers().allValues("Set-Cookie");
        }

        Optional<String> cookie(String name) {
            return cookies().stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
