package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/update/password}: the current password and the new one. */
public record UpdatePasswordForm(@NotNull @Size(max = Limits.PASSWORD) String password,
                                 @NotNull @Size(max = Limits.PASSWORD) String newPassword) {
}
