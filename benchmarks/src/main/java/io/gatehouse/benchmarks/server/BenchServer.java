package io.gatehouse.benchmarks.server;

import io.gatehouse.adapter.crypto.BcryptPasswordHasher;
import io.gatehouse.bootstrap.ServerLogging;
import io.gatehouse.bootstrap.StandaloneServer;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PlainPassword;
import io.javalin.http.Context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

/**
 * The standalone server exactly as {@code gatehouse-server.jar} runs it (same environment variables, same guards),
 * with two routes of the benchmark's own added through the embedding hook, never to the product:
 * <ul>
 *   <li>{@code GET /bench/bare}: a constant answer without authentication, the upper limit of what this server, this
 *       machine and this driver can do, which every scenario is reported against;</li>
 *   <li>{@code GET /bench/bcrypt?n=&threads=}: the median CPU time (and wall time) of one bcrypt verification at
 *       {@code BCRYPT_COST} while {@code threads} threads verify {@code n} times each, from which the driver derives
 *       the bcrypt bound. CPU time, because it is what a hash costs whoever else shares the machine; wall time on a
 *       shared machine says as much about the neighbours as about bcrypt.</li>
 * </ul>
 */
public final class BenchServer {

    public static final String BARE_PATH = "/bench/bare";
    public static final String BCRYPT_PATH = "/bench/bcrypt";
    private static final String BARE_ANSWER = "{\"status\":true}";
    private static final PlainPassword SAMPLE = PlainPassword.of("a sample password of usual length");

    private BenchServer() {
    }

    public static void main(String[] args) {
        ServerLogging.configure(System.getenv());
        int cost = Integer.parseInt(System.getenv().getOrDefault("BCRYPT_COST", "12"));
        BcryptMeter meter = new BcryptMeter(cost);
        StandaloneServer server = StandaloneServer.start(System.getenv(), config -> {
            config.routes.get(BARE_PATH, ctx -> ctx.contentType("application/json").result(BARE_ANSWER));
            config.routes.get(BCRYPT_PATH, meter::answer);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gatehouse-shutdown"));
    }

    private static int bounded(String text, int fallback, int most) {
        try {
            return text == null ? fallback : Math.max(1, Math.min(most, Integer.parseInt(text)));
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /** Times the product's own hasher; made on first use, so it costs the server's start nothing. */
    private static final class BcryptMeter {
        private final int cost;
        private BcryptPasswordHasher hasher;
        private Credential stored;

        BcryptMeter(int cost) {
            this.cost = cost;
        }

        synchronized void answer(Context ctx) throws InterruptedException {
            if (hasher == null) {
                hasher = new BcryptPasswordHasher(cost);
                stored = Credential.password(hasher.hash(SAMPLE));
            }
            int count = bounded(ctx.queryParam("n"), 3, 20);
            int threads = bounded(ctx.queryParam("threads"), 1, 64);
            long[] nanos = new long[count * threads];
            long[] cpuNanos = new long[count * threads];
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int first = t * count;
                workers[t] = new Thread(() -> {
                    for (int i = 0; i < count; i++) {
                        long start = System.nanoTime();
                        long cpuStart = cpu.getCurrentThreadCpuTime();
                        hasher.verify(SAMPLE, stored);
                        cpuNanos[first + i] = cpu.getCurrentThreadCpuTime() - cpuStart;
                        nanos[first + i] = System.nanoTime() - start;
                    }
                }, "bench-bcrypt-" + t);
                workers[t].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            Arrays.sort(nanos);
            Arrays.sort(cpuNanos);
            ctx.json(Map.of("cost", cost, "median_ms", nanos[nanos.length / 2] / 1e6,
                    "median_cpu_ms", cpuNanos[cpuNanos.length / 2] / 1e6,
                    "cores", Runtime.getRuntime().availableProcessors(), "threads", threads));
        }
    }
}
