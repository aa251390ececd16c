package io.gatehouse.adapter.http.javalin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link GatehouseHttpApi#prepare()} builds the shared request validator ahead, on whatever thread calls it; an API
 * made at the same time, or without it, validates exactly the same.
 */
class PreparedValidatorTest {

    @Test
    void anApiMadeWhileAnotherThreadPreparesValidatesAsUsual() throws Exception {
        Thread preparing = new Thread(GatehouseHttpApi::prepare, "prepare-in-test");
        preparing.start();
        try (TestServer server = TestServer.start()) {
            preparing.join();
            GatehouseHttpApi.prepare();     // again: nothing more to build

            TestServer.Response refused = server.post("/api/v1/auths/signin", Map.of("email", "a@example.org"));

            assertEquals(422, refused.status, refused.body);
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = ((List<Map<String, Object>>) refused.field("detail")).get(0);
            assertEquals(List.of("body", "password"), problem.get("loc"));
        }
    }
}
