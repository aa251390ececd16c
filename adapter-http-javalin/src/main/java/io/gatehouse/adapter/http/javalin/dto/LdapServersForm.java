package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /api/v1/auths/admin/config/ldap/servers}: the servers to try, in order. */
public record LdapServersForm(@Size(max = 50) List<@Valid LdapServerForm> servers) {
}
