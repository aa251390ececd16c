package io.gatehouse.domain.claim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a list of names (roles, groups) lives in an identity's claims and how to read it (Open WebUI §7.5–7.6):
 * <ul>
 *   <li>the path is dotted and walks nested objects ({@code realm_access.roles}); when that finds nothing, the whole
 *       dotted string is tried as one flat claim name (a claim literally called {@code realm_access.roles});</li>
 *   <li>a list gives its string and number elements; a string is split on the separator when it contains it; a
 *       number gives its decimal form; names are trimmed and empty ones dropped.</li>
 * </ul>
 * Whether the claim was there at all matters: an absent claim is "the provider said nothing", an empty one is
 * "the provider says: none".
 */
public record ClaimMapping(String path, String separator) {

    public ClaimMapping {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(separator, "separator");
        if (path.isBlank()) {
            throw new IllegalArgumentException("a claim path is not blank");
        }
    }

    /** The names the claim holds, or empty when the claims do not carry it (or carry something that is not names). */
    public Optional<List<String>> valuesIn(Map<String, ?> claims) {
        Object value = walk(claims);
        if (isEmptyValue(value) && claims.containsKey(path) && claims.get(path) != null) {
            value = claims.get(path);
        }
        return toNames(value);
    }

    private Object walk(Map<String, ?> claims) {
        Object node = claims;
        for (String part : path.split(Pattern.quote("."), -1)) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(part);
        }
        return node;
    }

    private static boolean isEmptyValue(Object value) {
        return value == null
                || value instanceof String && ((String) value).isEmpty()
                || value instanceof Collection && ((Collection<?>) value).isEmpty()
                || value instanceof Map && ((Map<?, ?>) value).isEmpty();
    }

    private Optional<List<String>> toNames(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (element instanceof String || isPlainNumber(element)) {
                    addName(names, element.toString());
                }
            }
        } else if (value instanceof String) {
            String text = (String) value;
            if (!separator.isEmpty() && text.contains(separator)) {
                for (String part : text.split(Pattern.quote(separator), -1)) {
                    addName(names, part);
                }
            } else {
                addName(names, text);
            }
        } else if (isPlainNumber(value)) {
            addName(names, value.toString());
        } else {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(names));
    }

    private static boolean isPlainNumber(Object value) {
        return value instanceof Number;
    }

    private static void addName(List<String> names, String raw) {
        String name = raw.strip();
        if (!name.isEmpty()) {
            names.add(name);
        }
    }
}
