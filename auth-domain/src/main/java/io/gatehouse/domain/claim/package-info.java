/**
 * Reading identity-provider claims: where a value lives ({@link io.gatehouse.domain.claim.ClaimMapping}) and how
 * lists, strings and numbers become a list of names. OAuth, LDAP and trusted-header sign-in share it.
 */
package io.gatehouse.domain.claim;
