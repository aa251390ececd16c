package io.gatehouse.adapter.http.javalin.dto;

import java.util.List;

/** One page of accounts and how many match in all. */
public record UserListResponse(List<UserResponse> users, long total) {
}
