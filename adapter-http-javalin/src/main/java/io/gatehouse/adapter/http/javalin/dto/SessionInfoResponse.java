package io.gatehouse.adapter.http.javalin.dto;

import java.util.Map;

/** What {@code GET /api/v1/auths/} answers (Open WebUI's {@code SessionUserInfoResponse}). */
public record SessionInfoResponse(String token, String tokenType, Long expiresAt, String id, String email, String name,
                                  String role, String profileImageUrl, Map<String, Object> permissions, String bio,
                                  String gender, String dateOfBirth) {
}
