/**
 * Feature permissions: a tree of switches ({@link io.gatehouse.domain.permission.PermissionTree}) that defaults and
 * groups grant, merged so that the most permissive value wins (Open WebUI §3.6).
 */
package io.gatehouse.domain.permission;
