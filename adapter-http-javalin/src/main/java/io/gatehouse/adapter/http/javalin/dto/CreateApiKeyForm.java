package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.Size;

/**
 * Optional body of {@code POST /api/v1/auths/api_key}: how long the key works, in {@code JWT_EXPIRES_IN}'s syntax
 * ({@code 30d}, {@code 12h}); absent, {@code -1} or {@code 0} for a key that does not expire.
 */
public record CreateApiKeyForm(@Size(max = 32) String expiresIn) {
}
