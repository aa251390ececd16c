package io.gatehouse.adapter.http.javalin.dto;

/** An account as admins see it. Times in epoch seconds. */
public record UserResponse(String id, String email, String name, String role, String profileImageUrl, String bio,
                           String gender, String dateOfBirth, String timezone, Long lastActiveAt, long createdAt,
                           long updatedAt) {
}
