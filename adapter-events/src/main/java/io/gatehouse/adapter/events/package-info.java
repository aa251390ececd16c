/**
 * Where auth events go: the audit log, one structured line per event on the {@code gatehouse.audit} SLF4J logger
 * ({@link io.gatehouse.adapter.events.AuditLog}); Open WebUI's sign-up webhook, posted off the caller's thread to
 * Slack, Google Chat, Discord, Teams or any URL, with a guard against requests into private networks
 * ({@link io.gatehouse.adapter.events.SignupWebhook}); and a fan-out that publishes to several of them, each failure
 * isolated ({@link io.gatehouse.adapter.events.AuthEventFanout}). Events carry no secrets, and nothing here adds one.
 */
package io.gatehouse.adapter.events;
