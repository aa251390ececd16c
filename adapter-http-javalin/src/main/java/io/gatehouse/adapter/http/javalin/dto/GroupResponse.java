package io.gatehouse.adapter.http.javalin.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A group as Open WebUI answers it: {@code user_id} is its creator, times are epoch seconds. {@code user_ids} only in
 * an export.
 */
public record GroupResponse(String id, String userId, String name, String description, Map<String, Object> permissions,
                            Map<String, Object> data, Map<String, Object> meta, long memberCount, long createdAt,
                            long updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> userIds) {
}
