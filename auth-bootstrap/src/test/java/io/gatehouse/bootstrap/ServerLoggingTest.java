package io.gatehouse.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The standalone server's logging, configured in code as its logback file used to configure it. */
class ServerLoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreTheDefaults() {
        ServerLogging.configure(Map.of());
    }

    @Test
    void oneConsoleLineAtTheGlobalLevelWithTheNoisyLibrariesFromWarn() {
        ServerLogging.configure(Map.of("GLOBAL_LOG_LEVEL", "debug"));

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.DEBUG, root.getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
        LayoutWrappingEncoder<?> encoder = assertInstanceOf(LayoutWrappingEncoder.class, console.getEncoder());
        assertInstanceOf(ServerLogLine.class, encoder.getLayout());
        for (String noisy : new String[]{"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
            assertEquals(Level.WARN, context.getLogger(noisy).getLevel(), noisy);
        }
        assertEquals(Level.INFO, context.getLogger("org.pac4j.oidc").getEffectiveLevel(),
                "pac4j's token responses stay out of a debug log");
    }

    @Test
    void anUnsetBlankOrUnknownLevelIsInfo() {
        assertEquals(Level.INFO, ServerLogging.level(null));
        assertEquals(Level.INFO, ServerLogging.level(" "));
        assertEquals(Level.INFO, ServerLogging.level("loud"));
        assertEquals(Level.WARN, ServerLogging.level(" WARN "));
    }

    @Test
    void anOperatorsOwnFileWins() {
        ServerLogging.configure(Map.of("GLOBAL_LOG_LEVEL", "ERROR"));
        System.setProperty("logback.configurationFile", "operator-logback.xml");
        try {
            ServerLogging.configure(Map.of("GLOBAL_LOG_LEVEL", "TRACE"));
        } finally {
            System.clearProperty("logback.configurationFile");
        }

        assertEquals(Level.ERROR, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
