package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auths/ldap}: the directory user name and password. */
public record LdapForm(@NotNull @Size(max = Limits.NAME) String user, @NotNull @Size(max = Limits.PASSWORD) String password) {
}
