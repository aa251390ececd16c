package io.gatehouse.adapter.http.javalin;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a 422 {@code detail} list, shaped like FastAPI's: {@code {"type", "loc", "msg"}}. Never carries the
 * input, which may be a password.
 */
record FieldProblem(String type, List<Object> loc, String msg) {

    static FieldProblem missing(String field) {
        return new FieldProblem("missing", location(field), "Field required");
    }

    static FieldProblem value(String field, String message) {
        return new FieldProblem("value_error", location(field), message);
    }

    static FieldProblem type(String field, String message) {
        return new FieldProblem("type_error", location(field), message);
    }

    static FieldProblem json(String message) {
        return new FieldProblem("json_invalid", List.of("body"), message);
    }

    private static List<Object> location(String field) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        if (field != null && !field.isEmpty()) {
            loc.add(field);
        }
        return loc;
    }
}
