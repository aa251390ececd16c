package io.gatehouse.adapter.persistence.jdbi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.application.port.out.InfrastructureException;

import java.util.Map;

/** JSON kept in TEXT columns: open objects of maps, lists and scalars, as Jackson reads them untyped. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value", e);
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not JSON */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** @throws IllegalArgumentException when {@code node} is not an object */
    static Map<String, Object> object(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return MAPPER.convertValue(node, OBJECT);
    }

    /** A scalar node as a plain Java value: Boolean, Integer, Long, Double, String or null. */
    static Object value(JsonNode scalar) {
        if (scalar.isNull()) {
            return null;
        }
        if (scalar.isBoolean()) {
            return scalar.booleanValue();
        }
        return scalar.isNumber() ? scalar.numberValue() : scalar.asText();
    }

    /** A JSON object the adapter itself stored in a column. */
    static Map<String, Object> storedObject(String text) {
        try {
            return object(parse(text));
        } catch (IllegalArgumentException e) {
            throw new InfrastructureException("the database holds an unreadable JSON column", e);
        }
    }
}
