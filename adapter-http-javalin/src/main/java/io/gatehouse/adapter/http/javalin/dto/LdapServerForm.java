package io.gatehouse.adapter.http.javalin.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * One LDAP server as the admin form sends it (Open WebUI's {@code LdapServerConfig}, §10.3), with {@code start_tls}
 * added. Absent fields take Open WebUI's defaults; a blank {@code app_dn_password} keeps the stored one, because the
 * password is never sent out. The group fields count only on the single-server route.
 */
public record LdapServerForm(@Size(max = Limits.NAME) String label,
                             @Size(max = Limits.NAME) String host,
                             @Min(1) @Max(65_535) Integer port,
                             @Size(max = Limits.NAME) String attributeForMail,
                             @Size(max = Limits.NAME) String attributeForUsername,
                             @Size(max = Limits.DIRECTORY_TEXT) String appDn,
                             @Size(max = Limits.PASSWORD) String appDnPassword,
                             @Size(max = Limits.DIRECTORY_TEXT) String searchBase,
                             @Size(max = Limits.DIRECTORY_TEXT) String searchFilters,
                             Boolean useTls,
                             Boolean startTls,
                             @Size(max = Limits.DIRECTORY_TEXT) String certificatePath,
                             Boolean validateCert,
                             @Size(max = Limits.TEXT) String ciphers,
                             Boolean enableGroupManagement,
                             Boolean enableGroupCreation,
                             @Size(max = Limits.NAME) String attributeForGroups) {
}
