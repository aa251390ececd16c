package io.gatehouse.bootstrap;

import io.gatehouse.application.port.in.admin.BootstrapAdminUseCase;
import io.gatehouse.adapter.http.javalin.GatehouseHttpApi;
import io.gatehouse.adapter.http.javalin.HttpSettings;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The standalone server from an environment: configuration, Gatehouse, the initial admin, HTTP. What
 * {@code main()} runs, and what end-to-end tests start with an environment of their own.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Gatehouse gatehouse;
    private final GatehouseServer http;

    private StandaloneServer(Gatehouse gatehouse, GatehouseServer http) {
        this.gatehouse = gatehouse;
        this.http = http;
    }

    /** @throws ConfigurationException listing every problem of the environment */
    public static StandaloneServer start(Map<String, String> environment) {
        return start(environment, config -> { });
    }

    /**
     * The same, with more routes on the same server ({@link GatehouseServer#start(Gatehouse, HttpSettings, Clock,
     * String, int, Consumer)}). The server listens while the Gatehouse is still being built, and returns once it is:
     * Gatehouse's routes wait for it meanwhile, but routes of {@code also} that do not call Gatehouse answer at once
     * (a readiness check should call Gatehouse, {@code GET /api/config} for one).
     *
     * @throws ConfigurationException listing every problem of the environment
     */
    public static StandaloneServer start(Map<String, String> environment, Consumer<JavalinConfig> also) {
        spareJettyTheMBeanServer();
        GatehouseConfig config = GatehouseConfig.fromEnvironment(environment);
        if (config.bcryptCost() < 10) {
            LOG.warn("BCRYPT_COST={} is below 10, the minimum for production (OWASP ASVS)", config.bcryptCost());
        }
        // The Gatehouse is built on a thread of its own while HTTP starts here; requests wait for it.
        CompletableFuture<Gatehouse> building = Futures.onThreadOfItsOwn("gatehouse-build", () -> build(config));
        GatehouseServer http;
        try {
            http = GatehouseServer.startBefore(building, config.http(), Clock.systemUTC(), config.host(), config.port(),
                    also);
        } catch (RuntimeException failed) {
            Futures.joinQuietly(building).ifPresent(Gatehouse::close);    // HTTP did not start: close it once built
            throw failed;
        }
        Gatehouse gatehouse;
        try {
            gatehouse = Futures.join(building);
        } catch (RuntimeException | Error failed) {
            http.close();
            throw failed;
        }
        // The request validator (Hibernate Validator's start, some 500 classes) is built once the server is ready
        // rather than alongside the start, whose CPU it took: the first request that reads a body waits for it.
        Futures.inBackground("gatehouse-prepare-http", GatehouseHttpApi::prepare);
        LOG.info("Gatehouse {} listening on http://{}:{} (database {}; {})", GatehouseConfig.VERSION,
                config.host(), http.port(), config.database().redactedJdbcUrl(), config.redis()
                        .map(redis -> "Redis " + redis.mode().name().toLowerCase(Locale.ROOT) + " at " + redis.host())
                        .orElse("no Redis: limits count on this instance only"));
        return new StandaloneServer(gatehouse, http);
    }

    /**
     * Builds the Gatehouse and creates the initial admin before any request may use it: a sign-up that came first
     * would otherwise make its author the first account, the admin.
     */
    private static Gatehouse build(GatehouseConfig config) {
        Gatehouse gatehouse = Gatehouse.builder().configuration(config).build();
        try {
            config.initialAdmin().ifPresent(admin -> createInitialAdmin(gatehouse, admin));
            return gatehouse;
        } catch (RuntimeException | Error failed) {
            gatehouse.close();
            throw failed;
        }
    }

    /**
     * Jetty sizes the padding of its queues by asking the JVM, over JMX, whether references are compressed: that starts
     * the platform MBean server, about 150 classes and a twentieth of the start, for one number. Compressed references
     * (the JVM's default below 32 GB of heap) take 16 per 64-byte cache line, Jetty's own answer for them; a setting
     * the operator made wins.
     */
    private static void spareJettyTheMBeanServer() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private static void createInitialAdmin(Gatehouse gatehouse, InitialAdmin admin) {
        BootstrapAdminUseCase.Result result = gatehouse.bootstrapAdmin()
                .bootstrap(new BootstrapAdminUseCase.Command(admin.email(), admin.password(), admin.name()));
        if (result instanceof BootstrapAdminUseCase.Result.Created) {
            LOG.info("created the initial admin {} from WEBUI_ADMIN_EMAIL; public sign-up is now closed", admin.email());
        }
    }

    public int port() {
        return http.port();
    }

    public Gatehouse gatehouse() {
        return gatehouse;
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            gatehouse.close();
        }
    }
}
