package io.gatehouse.domain.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An open JSON object that clients keep on a group ({@code data}, {@code meta}): nested maps and lists of strings,
 * numbers, booleans and nulls. Deeply copied and unmodifiable.
 */
public record FreeFormData(Map<String, Object> values) {

    private static final FreeFormData EMPTY = new FreeFormData(Map.of());

    public FreeFormData {
        Objects.requireNonNull(values, "values");
        values = copyObject(values);
    }

    public static FreeFormData empty() {
        return EMPTY;
    }

    /** The value at a dotted path, or null. */
    public Object valueAt(String dottedPath) {
        Object node = values;
        for (String part : dottedPath.split("\\.", -1)) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(part);
        }
        return node;
    }

    /** A copy with {@code value} set at a dotted path, creating the objects on the way. */
    public FreeFormData with(String dottedPath, Object value) {
        Map<String, Object> root = mutableCopy(values);
        Map<String, Object> node = root;
        String[] parts = dottedPath.split("\\.", -1);
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            Map<String, Object> next = child instanceof Map ? mutableCopy(castObject(child)) : new LinkedHashMap<>();
            node.put(parts[i], next);
            node = next;
        }
        node.put(parts[parts.length - 1], value);
        return new FreeFormData(root);
    }

    private static Map<String, Object> copyObject(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("object keys are strings");
            }
            copy.put((String) key, copyValue(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map) {
            return copyObject((Map<?, ?>) value);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object element : (List<?>) value) {
                copy.add(copyValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castObject(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> mutableCopy(Map<String, Object> source) {
        return new LinkedHashMap<>(source);
    }
}
