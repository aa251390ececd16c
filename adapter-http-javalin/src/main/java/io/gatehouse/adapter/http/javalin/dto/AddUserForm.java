package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/add}: a sign-up form plus the role, {@code pending} unless given. */
public record AddUserForm(@NotBlank @Size(max = Limits.NAME) String name,
                          @NotNull @Size(max = Limits.EMAIL) String email,
                          @NotNull @Size(max = Limits.PASSWORD) String password,
                          String profileImageUrl,
                          String role) {
}
