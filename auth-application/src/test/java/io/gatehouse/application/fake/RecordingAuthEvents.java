package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every published event for assertions. */
public final class RecordingAuthEvents implements AuthEvents {

    private final List<AuthEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(AuthEvent event) {
        events.add(event);
    }

    public synchronized List<AuthEvent> all() {
        return List.copyOf(events);
    }

    public synchronized <T extends AuthEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
}
