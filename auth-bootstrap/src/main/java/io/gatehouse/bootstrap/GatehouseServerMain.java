package io.gatehouse.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the standalone server with the process's environment until the process is stopped. */
public final class GatehouseServerMain {

    private GatehouseServerMain() {
    }

    public static void main(String[] args) {
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
