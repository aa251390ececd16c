/**
 * Sign-in against LDAP and Active Directory servers: where the directories are and how their entries are read
 * ({@link io.gatehouse.domain.ldap.LdapServer}), and which of them are used, in which order, with which group rules
 * ({@link io.gatehouse.domain.ldap.LdapSettings}).
 */
package io.gatehouse.domain.ldap;
