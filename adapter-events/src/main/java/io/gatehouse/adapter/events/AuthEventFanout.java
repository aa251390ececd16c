package io.gatehouse.adapter.events;

import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Publishes each event to several sinks in turn (typically the {@link AuditLog} and the {@link SignupWebhook}). A
 * sink that throws is logged and skipped: the others still receive the event, and the caller never sees the failure.
 * Thread-safe when the sinks are.
 */
public final class AuthEventFanout implements AuthEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AuthEventFanout.class);

    private final List<AuthEvents> sinks;

    /** @param sinks where events go, in this order; copied */
    public AuthEventFanout(List<? extends AuthEvents> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void publish(AuthEvent event) {
        for (AuthEvents sink : sinks) {
            try {
                sink.publish(event);
            } catch (RuntimeException failure) {
                LOG.warn("auth event sink {} failed on {}", sink.getClass().getName(),
                        event.getClass().getSimpleName(), failure);
            }
        }
    }
}
