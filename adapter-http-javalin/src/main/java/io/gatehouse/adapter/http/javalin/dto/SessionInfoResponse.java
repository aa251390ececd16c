package io.gatehouse.adapter.http.javalin.dto;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What {@code GET /api/v1/auths/} answers (Open WebUI's {@code SessionUserInfoResponse}); the permissions as JSON
 * already written.
 */
public record SessionInfoResponse(String token, String tokenType, Long expiresAt, String id, String email, String name,
                                  String role, String profileImageUrl, @JsonRawValue String permissions, String bio,
                                  String gender, String dateOfBirth) {
}
