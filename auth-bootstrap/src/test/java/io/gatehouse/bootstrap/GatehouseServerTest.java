package io.gatehouse.bootstrap;

import io.gatehouse.application.port.out.InfrastructureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP started before the Gatehouse is built, as the standalone server starts it while its database opens. */
class GatehouseServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private GatehouseConfig config() {
        return GatehouseConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "HOST", "127.0.0.1",
                "PORT", "0", "BCRYPT_COST", "4"));
    }

    private CompletableFuture<HttpResponse<String>> configurationOf(GatehouseServer server) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/config"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestBeforeTheGatehouseIsBuiltWaitsForIt() {
        GatehouseConfig config = config();
        CompletableFuture<Gatehouse> building = new CompletableFuture<>();
        try (GatehouseServer server = GatehouseServer.startBefore(building, config.http(), Clock.systemUTC(),
                "127.0.0.1", 0, javalin -> { })) {
            CompletableFuture<HttpResponse<String>> early = configurationOf(server);
            assertFalse(early.isDone(), "no answer can exist before the Gatehouse");

            try (Gatehouse gatehouse = Gatehouse.builder().configuration(config).build()) {
                building.complete(gatehouse);

                HttpResponse<String> answer = early.join();
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"onboarding\":true"), answer.body());
            }
        }
    }

    @Test
    void whenTheGatehouseCannotBeBuiltRequestsGetA503WithoutDetails() {
        CompletableFuture<Gatehouse> building = new CompletableFuture<>();
        try (GatehouseServer server = GatehouseServer.startBefore(building, config().http(), Clock.systemUTC(),
                "127.0.0.1", 0, javalin -> { })) {
            building.completeExceptionally(new InfrastructureException("cannot connect to db.internal:5432"));

            HttpResponse<String> answer = configurationOf(server).join();

            assertEquals(503, answer.statusCode(), answer.body());
            assertFalse(answer.body().contains("db.internal"), answer.body());
        }
    }
}
