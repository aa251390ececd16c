/**
 * Open WebUI's auth API over HTTP with Javalin 7. {@link io.gatehouse.adapter.http.javalin.GatehouseHttpApi} installs
 * the routes on a Javalin configuration; it calls the use cases it is given and nothing else.
 */
package io.gatehouse.adapter.http.javalin;
