package io.gatehouse.adapter.http.javalin.dto;

/** {@code POST /api/v1/auths/admin/config/ldap}: {@code null} leaves the switch as it is. */
public record LdapEnableForm(Boolean enableLdap) {
}
