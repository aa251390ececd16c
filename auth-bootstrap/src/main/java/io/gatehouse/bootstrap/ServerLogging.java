package io.gatehouse.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.Map;

/**
 * The standalone server's logging: one line per event on the console ({@link ServerLogLine}), at {@code GLOBAL_LOG_LEVEL} (Open WebUI's
 * variable, {@code INFO} by default), Jetty, HikariCP and Flyway only from {@code WARN}.
 *
 * <p>Configured in code rather than by a logback XML file: reading XML costs the start about 600 more classes
 * (logback's Joran and the JDK's XML parser) and a tenth of its time. An operator's own file still wins: with
 * {@code -Dlogback.configurationFile=...} this changes nothing. Applications that embed Gatehouse never run this.
 */
public final class ServerLogging {

    private static final String[] QUIET = {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"};
    /** pac4j logs token responses at DEBUG: never below INFO, whatever {@code GLOBAL_LOG_LEVEL} says. */
    private static final String[] NEVER_DEBUG = {"org.pac4j"};

    private ServerLogging() {
    }

    /** Configures logback for the standalone server, unless a configuration file was named or logback is absent. */
    public static void configure(Map<String, String> environment) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        // With no file to read, logback has configured itself with its basic console setting: replace it.
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) factory;
        context.reset();
        ServerLogLine line = new ServerLogLine(ZoneId.systemDefault());
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(environment.get("GLOBAL_LOG_LEVEL")));
        root.addAppender(console);
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        for (String name : NEVER_DEBUG) {
            context.getLogger(name).setLevel(Level.INFO);
        }
    }

    /** Logback's reading of a level name, in any case; unset, blank or unknown is {@code INFO}. */
    static Level level(String name) {
        return name == null || name.isBlank() ? Level.INFO : Level.toLevel(name.strip(), Level.INFO);
    }
}
