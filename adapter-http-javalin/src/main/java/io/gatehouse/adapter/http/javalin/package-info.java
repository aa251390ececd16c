/**
 * Open WebUI's auth API over HTTP with Javalin 7. {@link io.gatehouse.adapter.http.javalin.GatehouseHttpApi} installs
 * the routes on a Javalin configuration; it calls the use cases it is given and nothing else. Public are only the
 * entry point and what it is configured with ({@link io.gatehouse.adapter.http.javalin.HttpSettings},
 * {@link io.gatehouse.adapter.http.javalin.UseCases}, {@link io.gatehouse.adapter.http.javalin.Cidr}); the
 * machinery (routes, guards, cookies, parsing, error answers) is package-private.
 */
package io.gatehouse.adapter.http.javalin;
