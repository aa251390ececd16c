package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/users/{id}/update}: only the fields given are changed. */
public record UserUpdateForm(String role,
                             @Size(max = Limits.NAME) String name,
                             @Size(max = Limits.EMAIL) String email,
                             String profileImageUrl,
                             @Size(max = Limits.PASSWORD) String password) {
}
