package io.gatehouse.adapter.http.javalin.dto;

/** Whom pending users should ask. */
public record AdminDetailsResponse(String name, String email) {
}
