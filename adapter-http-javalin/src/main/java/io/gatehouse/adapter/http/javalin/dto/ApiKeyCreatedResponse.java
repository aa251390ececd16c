package io.gatehouse.adapter.http.javalin.dto;

/** The new key, shown this once, and when it expires (null: never). */
public record ApiKeyCreatedResponse(String apiKey, Long expiresAt) {
}
