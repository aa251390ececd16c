package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/oauth/{provider}/token/exchange}: a provider's access token. */
public record TokenExchangeForm(@NotBlank @Size(max = 16_384) String token) {

    @Override
    public String toString() {
        return "TokenExchangeForm[token=redacted]";
    }
}
