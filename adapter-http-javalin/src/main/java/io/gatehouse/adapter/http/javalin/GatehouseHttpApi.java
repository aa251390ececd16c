package io.gatehouse.adapter.http.javalin;

import io.gatehouse.adapter.http.javalin.internal.HttpSurface;
import io.javalin.config.JavalinConfig;

import java.time.Clock;
import java.util.Objects;

/**
 * Open WebUI's auth API as Javalin routes. Install it on a configuration, then start Javalin as usual:
 * <pre>{@code Javalin.create(config -> api.configure(config)).start(host, port);}</pre>
 */
public final class GatehouseHttpApi {

    private final HttpSurface surface;

    public GatehouseHttpApi(UseCases useCases, HttpSettings settings, Clock clock) {
        this.surface = new HttpSurface(Objects.requireNonNull(useCases, "useCases"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }

    /** Registers the routes, the request guards, the JSON mapper and the error answers. */
    public void configure(JavalinConfig config) {
        surface.configure(config);
    }
}
