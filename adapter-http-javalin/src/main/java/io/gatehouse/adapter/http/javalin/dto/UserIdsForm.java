package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/v1/groups/id/{id}/users/add} and {@code .../remove}. */
public record UserIdsForm(@NotNull @Size(max = 1000) List<@NotNull String> userIds) {
}
