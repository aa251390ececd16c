package io.gatehouse.adapter.events;

import ch.qos.logback.classic.Level;
import io.gatehouse.application.fake.RecordingAuthEvents;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthEventFanoutTest {

    private static final AuthEvent EVENT = new AuthEvent.SignedOut(new UserId("ann-id"));

    /** A sink that always fails. */
    private static final class BrokenSink implements AuthEvents {
        @Override
        public void publish(AuthEvent event) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Test
    void everySinkReceivesTheEvent() {
        RecordingAuthEvents first = new RecordingAuthEvents();
        RecordingAuthEvents second = new RecordingAuthEvents();

        new AuthEventFanout(List.of(first, second)).publish(EVENT);

        assertEquals(List.of(EVENT), first.all());
        assertEquals(List.of(EVENT), second.all());
    }

    @Test
    void aSinkThatThrowsIsLoggedAndDoesNotStopTheOthers() {
        RecordingAuthEvents before = new RecordingAuthEvents();
        RecordingAuthEvents after = new RecordingAuthEvents();

        try (CapturedLogs logs = CapturedLogs.of(AuthEventFanout.class)) {
            new AuthEventFanout(List.of(before, new BrokenSink(), after)).publish(EVENT);

            List<String> warnings = logs.messagesAt(Level.WARN);
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains(BrokenSink.class.getName()), warnings.get(0));
        }
        assertEquals(List.of(EVENT), before.all());
        assertEquals(List.of(EVENT), after.all());
    }

    @Test
    void theSinksAreFixedAtConstruction() {
        RecordingAuthEvents added = new RecordingAuthEvents();
        List<AuthEvents> sinks = new ArrayList<>();
        AuthEventFanout fanout = new AuthEventFanout(sinks);

        sinks.add(added);
        fanout.publish(EVENT);

        assertEquals(List.of(), added.all());
    }
}
