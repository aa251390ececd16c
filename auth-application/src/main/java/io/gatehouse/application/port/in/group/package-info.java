/**
 * Groups administration (Open WebUI's {@code routers/groups.py}) and the one membership sync that identity
 * providers (LDAP, OAuth, trusted headers) share.
 */
package io.gatehouse.application.port.in.group;
