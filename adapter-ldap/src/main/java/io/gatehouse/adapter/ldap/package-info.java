/**
 * LDAP adapter: sign-in against OpenLDAP, Active Directory and any LDAPv3 directory with the UnboundID SDK. Create one
 * {@link io.gatehouse.adapter.ldap.UnboundIdLdapDirectory} per process from
 * {@link io.gatehouse.adapter.ldap.LdapConnectionSettings}; everything else is package-private.
 *
 * <p>Each configured server gets a small connection pool bound as its service account, made at the first sign-in
 * and dropped when the server leaves the settings. Every connect, operation and wait for a pooled connection ends
 * within the configured timeouts.
 */
package io.gatehouse.adapter.ldap;
