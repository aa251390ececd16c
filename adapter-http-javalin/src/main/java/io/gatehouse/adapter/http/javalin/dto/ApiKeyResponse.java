package io.gatehouse.adapter.http.javalin.dto;

/** The stored key: {@code api_key} is its masked hint, never the key. Times in epoch seconds. */
public record ApiKeyResponse(String apiKey, long createdAt, Long expiresAt, Long lastUsedAt) {
}
