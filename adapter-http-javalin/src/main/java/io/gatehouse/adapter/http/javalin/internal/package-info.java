/**
 * The HTTP adapter's machinery: routes and their handlers, credential extraction, cookies, the origin guard,
 * client addresses behind trusted proxies, body parsing with validation, and the one place where errors become
 * {@code {"detail": ...}} answers. Nothing here is API.
 */
package io.gatehouse.adapter.http.javalin.internal;
