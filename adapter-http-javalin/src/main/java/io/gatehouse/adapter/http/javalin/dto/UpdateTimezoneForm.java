package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/update/timezone}: an IANA zone name such as {@code Europe/Berlin}. */
public record UpdateTimezoneForm(@NotNull @Size(max = 64)
                                 @Pattern(regexp = "[A-Za-z0-9_+\\-/]*", message = "must be a timezone name such as Europe/Berlin")
                                 String timezone) {
}
