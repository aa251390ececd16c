package io.gatehouse.adapter.http.javalin.dto;

import java.util.Map;

/** What sign-in and sign-up answer (Open WebUI's {@code SessionUserResponse}). */
public record SessionResponse(String token, String tokenType, Long expiresAt, String id, String email, String name,
                              String role, String profileImageUrl, Map<String, Object> permissions) {
}
