package io.gatehouse.adapter.http.javalin.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What sign-out answers; {@code redirect_url} only when the instance has one. */
public record SignoutResponse(boolean status, @JsonInclude(JsonInclude.Include.NON_NULL) String redirectUrl) {
}
