/**
 * Driven ports: what the use cases need from the outside world (storage, hashing, tokens, counters, events).
 * Adapters implement them; every implementation runs the contract tests in this module's test-jar.
 *
 * <p>Unless a method says otherwise: arguments and results are never null, absence is an empty {@code Optional},
 * implementations are thread-safe, and infrastructure failures surface as {@link
 * io.gatehouse.application.port.out.InfrastructureException}, never as a vendor exception.
 */
package io.gatehouse.application.port.out;
