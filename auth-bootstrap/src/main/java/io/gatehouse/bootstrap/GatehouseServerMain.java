package io.gatehouse.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Runs the standalone server with the process's environment until the process is stopped. */
public final class GatehouseServerMain {

    private GatehouseServerMain() {
    }

    public static void main(String[] args) {
        // Jetty's MimeTypes asks for every locale the JDK knows as it starts, and the JDK then parses a thousand
        // language tags, about a tenth of a second on the start's longest path. Asked first on a thread of its own,
        // while this one configures logging, the JDK keeps its answer and hands it to Jetty at once.
        Futures.inBackground("gatehouse-list-locales", Locale::getAvailableLocales);
        ServerLogging.configure(System.getenv());
        Logger log = LoggerFactory.getLogger(GatehouseServerMain.class);
        try {
            StandaloneServer server = StandaloneServer.start(System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gatehouse-shutdown"));
        } catch (ConfigurationException invalid) {
            log.error(invalid.getMessage());
            System.exit(2);
        }
    }
}
