package io.gatehouse.adapter.http.javalin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads request bodies: JSON into the request records, strictly typed (a number is not a string, a string is not a
 * boolean), then validated. Any problem is a 422 that names the fields; nothing reaches a handler unvalidated.
 */
final class Json {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /**
     * Builds the shared mapper and validator now, on the calling thread, unless they are built already or being built.
     * The mapper comes first: the first request needs it, while only requests with a body need the validator.
     */
    static void prepare() {
        Objects.requireNonNull(Mappers.SHARED);
        Objects.requireNonNull(Validators.SHARED);
    }

    /**
     * One mapper for the JVM, as for the validator: a configured mapper is thread-safe, and building the first one
     * loads some 300 of Jackson's classes. Nothing changes it after it is built.
     */
    private static final class Mappers {
        static final ObjectMapper SHARED = createMapper();
    }

    /**
     * One validator for the JVM: validators are thread-safe, and building the factory is Hibernate Validator's whole
     * start (some 500 classes). Built when first needed, or ahead by {@link GatehouseHttpApi#prepare()}; a caller that
     * comes while another thread builds it waits for that one (class initialisation).
     */
    private static final class Validators {
        static final Validator SHARED = Validation.buildDefaultValidatorFactory().getValidator();
    }

    static ObjectMapper createMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The shared mapper, built at the first call unless {@link #prepare()} built it. */
    static ObjectMapper mapper() {
        return Mappers.SHARED;
    }

    /** The body as {@code type}, validated; a missing or empty body is a 422. */
    <T> T read(Context ctx, Class<T> type) {
        return readOptional(ctx, type).orElseThrow(() -> ApiError.invalid(List.of(FieldProblem.missing(null))));
    }

    /** The body as {@code type}, validated, or empty when the request has no body. */
    <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body)) {
            return Optional.empty();
        }
        T value = parse(body, type);
        if (value == null) {
            throw ApiError.invalid(List.of(FieldProblem.type(null, "Input should be a valid object")));
        }
        List<FieldProblem> problems = Validators.SHARED.validate(value).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(Json::toProblem)
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return Optional.of(value);
    }

    /** The body as a JSON object of anything (admin forms whose keys are Open WebUI's upper-case names). */
    @SuppressWarnings("unchecked")
    Map<String, Object> readObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body)) {
            throw ApiError.invalid(List.of(FieldProblem.missing(null)));
        }
        Object value = parse(body, Object.class);
        if (!(value instanceof Map)) {
            throw ApiError.invalid(List.of(FieldProblem.type(null, "Input should be a valid object")));
        }
        return (Map<String, Object>) value;
    }

    private <T> T parse(byte[] body, Class<T> type) {
        if (containsNul(body)) {
            throw ApiError.invalid(List.of(FieldProblem.value(null, "Input must not contain NUL characters")));
        }
        try {
            return mapper().readValue(body, type);
        } catch (MismatchedInputException mismatch) {
            throw ApiError.invalid(List.of(FieldProblem.type(fieldOf(mismatch), "Input has the wrong type")));
        } catch (JsonProcessingException malformed) {
            throw ApiError.invalid(List.of(FieldProblem.json("JSON decode error")));
        } catch (IOException unreadable) {
            throw ApiError.invalid(List.of(FieldProblem.json("JSON decode error")));
        }
    }

    private static String fieldOf(JsonMappingException problem) {
        return problem.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static FieldProblem toProblem(ConstraintViolation<?> violation) {
        String field = SNAKE_CASE.translate(violation.getPropertyPath().toString());
        return violation.getInvalidValue() == null
                ? FieldProblem.missing(field)
                : FieldProblem.value(field, violation.getMessage());
    }

    /**
     * Whether the body holds a NUL character, raw or escaped as {@code \\u0000}: no field has a use for it, and
     * PostgreSQL refuses it in text, which would turn bad input into a server error.
     */
    private static boolean containsNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0 || body[i] == '\\' && i + 5 < body.length && body[i + 1] == 'u' && body[i + 2] == '0'
                    && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Collects field problems found by hand (rules Jakarta Validation cannot express) and throws them together. */
    static final class Problems {
        private final List<FieldProblem> problems = new ArrayList<>();

        Problems check(boolean ok, String field, String message) {
            if (!ok) {
                problems.add(FieldProblem.value(field, message));
            }
            return this;
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw ApiError.invalid(problems);
            }
        }
    }
}
