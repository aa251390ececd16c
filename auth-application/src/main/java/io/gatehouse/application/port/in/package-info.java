/**
 * Driving ports: the use cases, one interface each, with their command and result records. This is Gatehouse's
 * public API for embedding: the HTTP adapter calls exactly these.
 *
 * <p>Expected refusals (wrong password, rate limit, sign-up closed) are results with an enum reason, never
 * exceptions; only infrastructure failures throw ({@link io.gatehouse.application.port.out.InfrastructureException}).
 * Arguments and results are never null; absence is an empty {@code Optional}. Implementations are thread-safe.
 */
package io.gatehouse.application.port.in;
