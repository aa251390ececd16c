package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/signin}. */
public record SigninForm(@NotNull @Size(max = 320) String email, @NotNull @Size(max = Limits.PASSWORD) String password) {
}
