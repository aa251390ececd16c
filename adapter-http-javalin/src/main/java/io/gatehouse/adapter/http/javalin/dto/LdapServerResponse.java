package io.gatehouse.adapter.http.javalin.dto;

/**
 * One LDAP server as admins read it: Open WebUI's fields without {@code app_dn_password}, which is write-only (Open
 * WebUI returns it in clear, §12.1). The group fields are the global ones.
 */
public record LdapServerResponse(String label, String host, Integer port, String attributeForMail,
                                 String attributeForUsername, String appDn, String searchBase, String searchFilters,
                                 boolean useTls, boolean startTls, String certificatePath, boolean validateCert,
                                 String ciphers, boolean enableGroupManagement, boolean enableGroupCreation,
                                 String attributeForGroups) {
}
