package io.gatehouse.adapter.http.javalin.dto;

/** {@code {"status": true}}. */
public record StatusResponse(boolean status) {
}
