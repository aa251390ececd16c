package io.gatehouse.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed reads of environment variables that collect every problem instead of stopping at the first. Booleans accept
 * {@code true/false}, {@code 1/0}, {@code yes/no} in any case; a blank value counts as unset.
 */
final class EnvironmentReader {

    /** Made on first use: few environments hold JSON, and a mapper costs the start some hundreds of classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    EnvironmentReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Whether the variable is there at all, even empty. */
    boolean isSet(String name) {
        return environment.containsKey(name);
    }

    /** The value of the first of several names that is set (Open WebUI's aliases and fallbacks). */
    Optional<String> firstOf(String... names) {
        for (String name : names) {
            Optional<String> value = text(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    boolean bool(String name, boolean defaultValue) {
        return text(name).map(value -> parseBool(name, value, defaultValue)).orElse(defaultValue);
    }

    private boolean parseBool(String name, String value, boolean defaultValue) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": return true;
            case "false": case "0": case "no": return false;
            default:
                problem(name + " must be true or false, not '" + value + "'");
                return defaultValue;
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                problem(name + " must be between " + min + " and " + max + ", not " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            problem(name + " must be a whole number, not '" + value.get() + "'");
            return defaultValue;
        }
    }

    Duration seconds(String name, Duration defaultValue, int min, int max) {
        return Duration.ofSeconds(integer(name, (int) defaultValue.toSeconds(), min, max));
    }

    /** A value parsed by {@code parser}, which answers empty for what it refuses; {@code accepted} says what would do. */
    <T> Optional<T> parsed(String name, Function<String, Optional<T>> parser, String accepted) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> result = parser.apply(value.get());
        if (result.isEmpty()) {
            problem(name + " must be " + accepted + ", not '" + value.get() + "'");
        }
        return result;
    }

    /** Items separated by {@code separator}, trimmed, empty ones dropped. */
    List<String> list(String name, String separator) {
        return text(name).map(value -> Arrays.stream(value.split(Pattern.quote(separator)))
                .map(String::strip).filter(item -> !item.isEmpty()).collect(Collectors.toList())).orElse(List.of());
    }

    /**
     * Group-name patterns as Open WebUI writes them, a JSON array of strings ({@code ["admins", "temp-*"]}), or
     * plainly separated by commas.
     */
    List<String> patterns(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty() || !value.get().startsWith("[")) {
            return list(name, ",");
        }
        try {
            List<String> patterns = new ArrayList<>();
            for (JsonNode element : Json.MAPPER.readTree(value.get())) {
                if (!element.isTextual()) {
                    throw new IllegalArgumentException("not a string");
                }
                patterns.add(element.textValue());
            }
            return patterns;
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            problem(name + " must be a JSON array of strings such as [\"admins\", \"temp-*\"], or names separated by commas");
            return List.of();
        }
    }

    /** A JSON object of strings ({@code {"prompt": "login"}}), as {@code OAUTH_AUTHORIZE_PARAMS}; empty when unset. */
    Map<String, String> jsonStrings(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Map.of();
        }
        try {
            JsonNode object = Json.MAPPER.readTree(value.get());
            if (object == null || !object.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            Map<String, String> strings = new java.util.LinkedHashMap<>();
            object.fields().forEachRemaining(field -> strings.put(field.getKey(), field.getValue().isTextual()
                    ? field.getValue().textValue() : field.getValue().toString()));
            return strings;
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            problem(name + " must be a JSON object such as {\"prompt\": \"login\"}");
            return Map.of();
        }
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Throws every problem found so far. */
    void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
