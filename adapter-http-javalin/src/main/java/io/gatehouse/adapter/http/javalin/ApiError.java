package io.gatehouse.adapter.http.javalin;

import java.util.List;
import java.util.Map;

/**
 * An answer other than success: a status, the {@code detail} of Open WebUI's error body (a message, or a list of
 * field problems for 422), and extra headers. Thrown by handlers and turned into the response in one place.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object detail;
    private final transient Map<String, String> headers;

    private ApiError(int status, Object detail, Map<String, String> headers) {
        super(null, null, false, false);
        this.status = status;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
    }

    static ApiError of(int status, String message) {
        return new ApiError(status, message, Map.of());
    }

    static ApiError withHeaders(int status, String message, Map<String, String> headers) {
        return new ApiError(status, message, headers);
    }

    /** 422 with field problems, as FastAPI answers schema failures. */
    static ApiError invalid(List<FieldProblem> problems) {
        return new ApiError(422, List.copyOf(problems), Map.of());
    }

    static ApiError invalid(String field, String message) {
        return invalid(List.of(FieldProblem.value(field, message)));
    }

    int status() {
        return status;
    }

    Object detail() {
        return detail;
    }

    Map<String, String> headers() {
        return headers;
    }
}
