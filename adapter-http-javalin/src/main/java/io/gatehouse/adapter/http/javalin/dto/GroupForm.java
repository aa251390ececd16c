package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * {@code POST /api/v1/groups/create} and {@code /id/{id}/update}: a name, a description, and optionally a permission
 * tree and the open {@code data} object. On update, permissions and data left out keep their value.
 */
public record GroupForm(@NotNull @Size(max = Limits.NAME) String name,
                        @Size(max = Limits.TEXT) String description,
                        Map<String, Object> permissions,
                        Map<String, Object> data) {
}
