/** What the front end needs to know before and after sign-in ({@code GET /api/config}). */
package io.gatehouse.application.port.in.config;
