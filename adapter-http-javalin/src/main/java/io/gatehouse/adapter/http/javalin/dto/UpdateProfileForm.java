package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/update/profile}; {@code date_of_birth} is {@code YYYY-MM-DD}. */
public record UpdateProfileForm(@NotNull String profileImageUrl,
                                @NotBlank @Size(max = Limits.NAME) String name,
                                @Size(max = Limits.TEXT) String bio,
                                @Size(max = 64) String gender,
                                @Size(max = 10) String dateOfBirth) {
}
