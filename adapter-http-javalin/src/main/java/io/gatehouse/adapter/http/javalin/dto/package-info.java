/**
 * The wire models of Open WebUI's auth API: request records validated with Jakarta Validation, response records
 * serialised in snake_case. No domain type is ever serialised directly.
 */
package io.gatehouse.adapter.http.javalin.dto;
