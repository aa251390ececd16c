package io.gatehouse.adapter.http.javalin.dto;

/** What the profile update answers (Open WebUI's {@code UserProfileImageResponse}). */
public record ProfileResponse(String id, String name, String role, String email, String profileImageUrl) {
}
