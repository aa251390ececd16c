package io.gatehouse.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone server's log line, as logback's pattern {@code %d{…XXX} %-5level [%thread] %logger{36} - %msg%n}. */
class ServerLogLineTest {

    private static final Instant WHEN = Instant.parse("2026-11-24T23:58:57.125Z");
    private final LoggerContext context = new LoggerContext();

    @Test
    void timeLevelThreadAbbreviatedLoggerAndMessage() {
        LoggingEvent event = event(Level.INFO, "io.gatehouse.adapter.persistence.jdbi.internal.FreshSchema",
                "created {} tables", null, 9);

        assertEquals("2026-11-24T23:58:57.125Z INFO  [gatehouse-build] i.g.a.p.jdbi.internal.FreshSchema - created 9 tables"
                + CoreConstants.LINE_SEPARATOR, new ServerLogLine(ZoneId.of("UTC")).doLayout(event));
    }

    @Test
    void theTimeIsTheZonesAndALongLevelIsNotCut() {
        LoggingEvent event = event(Level.ERROR, "io.javalin.Javalin", "stopped", null);

        assertEquals("2026-11-25T00:58:57.125+01:00 ERROR [gatehouse-build] io.javalin.Javalin - stopped"
                + CoreConstants.LINE_SEPARATOR, new ServerLogLine(ZoneId.of("Europe/Paris")).doLayout(event));
    }

    @Test
    void anExceptionFollowsWithItsStackTraceAndNoBlankLine() {
        LoggingEvent event = event(Level.WARN, "x", "failed",
                new IllegalStateException("the failure", new IllegalArgumentException("its cause")));

        String lines = new ServerLogLine(ZoneId.of("UTC")).doLayout(event);

        assertTrue(lines.startsWith("2026-11-24T23:58:57.125Z WARN  [gatehouse-build] x - failed"
                + CoreConstants.LINE_SEPARATOR + "java.lang.IllegalStateException: the failure"), lines);
        assertTrue(lines.contains("at io.gatehouse.bootstrap.ServerLogLineTest.anExceptionFollowsWithItsStackTrace"), lines);
        assertTrue(lines.contains("Caused by: java.lang.IllegalArgumentException: its cause"), lines);
        assertTrue(lines.endsWith(CoreConstants.LINE_SEPARATOR), lines);
        assertFalse(lines.endsWith(CoreConstants.LINE_SEPARATOR + CoreConstants.LINE_SEPARATOR), lines);
    }

    private LoggingEvent event(Level level, String logger, String message, Throwable exception, Object... arguments) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message, exception,
                arguments);
        event.setTimeStamp(WHEN.toEpochMilli());
        event.setThreadName("gatehouse-build");
        return event;
    }
}
