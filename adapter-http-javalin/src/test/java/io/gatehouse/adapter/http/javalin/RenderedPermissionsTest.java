package io.gatehouse.adapter.http.javalin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.domain.permission.PermissionTree;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class RenderedPermissionsTest {

    private final ObjectMapper mapper = Json.mapper();
    private final RenderedPermissions rendered = new RenderedPermissions(() -> mapper);

    private static PermissionTree tree(boolean chatDelete) {
        return PermissionTree.of(Map.of("chat", Map.of("delete", chatDelete), "features", Map.of("api_keys", true)));
    }

    @Test
    void writesTheTreeAsJsonAndTheSameTreeOnlyOnce() throws Exception {
        PermissionTree defaults = tree(true);

        String first = rendered.of(defaults);

        assertEquals(mapper.readTree(mapper.writeValueAsString(defaults.toMap())), mapper.readTree(first));
        assertSame(first, rendered.of(defaults));
    }

    @Test
    void anotherTreeIsWrittenAfreshEvenWhenItIsEqual() throws Exception {
        String allowed = rendered.of(tree(true));
        String refused = rendered.of(tree(false));
        String allowedAgain = rendered.of(tree(true));

        assertEquals(false, mapper.readTree(refused).get("chat").get("delete").asBoolean());
        assertEquals(allowed, allowedAgain);
        assertNotSame(allowed, allowedAgain);
    }
}
