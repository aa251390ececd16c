package io.gatehouse.bootstrap;

import io.gatehouse.adapter.http.javalin.GatehouseHttpApi;
import io.gatehouse.adapter.http.javalin.HttpSettings;
import io.gatehouse.adapter.http.javalin.UseCases;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Open WebUI's auth API over HTTP for a {@link Gatehouse}, on Javalin. Closing it stops the HTTP server only. */
public final class GatehouseServer implements AutoCloseable {

    private final Javalin javalin;

    private GatehouseServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts listening on {@code host:port}; port 0 picks a free one ({@link #port()}). */
    public static GatehouseServer start(Gatehouse gatehouse, HttpSettings settings, Clock clock, String host, int port) {
        return start(gatehouse, settings, clock, host, port, config -> { });
    }

    /**
     * The same, with routes of the embedding application on the same server, behind the same guards: {@code also}
     * runs after Gatehouse has configured Javalin (a health check, the benchmark's unauthenticated baseline route).
     */
    public static GatehouseServer start(Gatehouse gatehouse, HttpSettings settings, Clock clock, String host, int port,
                                        Consumer<JavalinConfig> also) {
        return startBefore(CompletableFuture.completedFuture(gatehouse), settings, clock, host, port, also);
    }

    /**
     * The same for a Gatehouse still being built: the server listens at once, and requests wait for the Gatehouse. If
     * it fails, every request fails as it did (an {@link io.gatehouse.application.port.out.InfrastructureException}
     * is a 503); the caller is expected to stop the server then.
     */
    static GatehouseServer startBefore(CompletableFuture<Gatehouse> gatehouse, HttpSettings settings, Clock clock,
                                       String host, int port, Consumer<JavalinConfig> also) {
        CompletableFuture<UseCases> useCases = gatehouse.thenApply(GatehouseServer::useCasesOf);
        GatehouseHttpApi api = new GatehouseHttpApi(() -> Futures.join(useCases), settings, clock);
        return new GatehouseServer(Javalin.create(config -> {
            api.configure(config);
            also.accept(config);
        }).start(host, port));
    }

    private static UseCases useCasesOf(Gatehouse g) {
        return new UseCases(g.signUp(), g.signIn(), g.signOut(), g.authenticate(), g.describeSession(),
                g.describeConfiguration(), g.updateProfile(), g.updateTimezone(), g.changePassword(),
                g.createApiKey(), g.getApiKey(), g.deleteApiKey(), g.addUser(), g.adminContact(), g.getSettings(),
                g.updateSettings(), g.listUsers(), g.updateUser(), g.deleteUser(), g.updateDefaultPermissions(),
                g.listGroups(), g.createGroup(), g.getGroup(), g.exportGroup(), g.listGroupMembers(), g.updateGroup(),
                g.addGroupMembers(), g.removeGroupMembers(), g.deleteGroup(), g.signInWithLdap(), g.updateLdapSettings(),
                g.signInWithTrustedHeader(), g.beginOAuthLogin(), g.completeOAuthLogin(),
                g.deleteProviderSessions(), g.backChannelLogout(), g.exchangeProviderToken(),
                g.updateOAuthSettings());
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
