package io.gatehouse.adapter.http.javalin.dto;

/**
 * What admin add-user answers. Unlike Open WebUI, no session token for the new account: an admin has no use for a
 * credential of someone else's.
 */
public record AddedUserResponse(String id, String email, String name, String role, String profileImageUrl) {
}
