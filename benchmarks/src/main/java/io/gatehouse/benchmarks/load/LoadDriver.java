package io.gatehouse.benchmarks.load;

import io.gatehouse.adapter.crypto.BcryptPasswordHasher;
import io.gatehouse.benchmarks.report.Names;
import io.gatehouse.benchmarks.report.Readiness;
import io.gatehouse.benchmarks.report.ScenarioResult;
import io.gatehouse.benchmarks.server.BenchServer;
import io.gatehouse.domain.credential.PlainPassword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The HTTP scenarios, on each deployment: the server is started as a process of its own with {@code -Xmx128m},
 * seeded, and driven over loopback; every scenario is run next to the bare route at the same concurrency, and every
 * hashing scenario next to a fresh measurement of one hash.
 */
public final class LoadDriver {

    /** How long and how hard; {@link #full} is the documented run, {@link #quick} a smoke test of the driver. */
    public record Settings(Duration warmup, Duration measure, int rounds, Duration hashMeasure, List<Integer> concurrencies,
                           int accounts, int signedIn, int scaleAccounts, int bcryptCost, List<String> serverJvmOptions,
                           Path work, Path productJar, List<String> deployments) {

        /** The same settings with other JVM options for the server (a profiler, another heap). */
        public Settings withServerJvmOptions(List<String> options) {
            return new Settings(warmup, measure, rounds, hashMeasure, concurrencies, accounts, signedIn, scaleAccounts,
                    bcryptCost, options, work, productJar, deployments);
        }

        /** The same settings on some deployments only: {@code embedded}, {@code postgres}. */
        public Settings only(List<String> names) {
            return new Settings(warmup, measure, rounds, hashMeasure, concurrencies, accounts, signedIn, scaleAccounts,
                    bcryptCost, serverJvmOptions, work, productJar, names);
        }

        public static Settings full(Path work, Path productJar) {
            return new Settings(Duration.ofMillis(400), Duration.ofMillis(1200), 2, Duration.ofSeconds(3), List.of(1, 4, 16, 64),
                    1_000, 16, 1_000_000, 12, List.of("-Xmx128m"), work, productJar, List.of("embedded", "postgres"));
        }

        public static Settings quick(Path work, Path productJar) {
            return new Settings(Duration.ofMillis(300), Duration.ofMillis(500), 1, Duration.ofSeconds(1), List.of(1, 4, 64),
                    200, 4, 0, 12, List.of("-Xmx128m"), work, productJar, List.of("embedded", "postgres"));
        }
    }

    private static final String WRONG_PASSWORD = "not the password at all";
    /** Where the rate-limited attempts claim to come from (TEST-NET-1, through the trusted proxy). */
    private static final String LIMITED_ADDRESS = "192.0.2.1";
    private static final String LIMITED_EMAIL = "limited@bench.example";
    private static final int FLOODERS = 64;
    private static final int OVERFLOWING_FLOODERS = 256;
    private static final int JWT_USERS_DURING_FLOOD = 16;
    /** Starts of each kind whose median is reported: one start on a shared machine says as much about the neighbours. */
    private static final int STARTS = 5;

    private final Settings settings;
    private final Consumer<String> progress;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final List<Readiness> readiness = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private String passwordHash;

    public LoadDriver(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<ScenarioResult> results() {
        return List.copyOf(results);
    }

    public List<Readiness> readiness() {
        return List.copyOf(readiness);
    }

    /** Runs everything: readiness of the product jar, then both deployments (and the scale run on PostgreSQL). */
    public void runAll() {
        try {
            Files.createDirectories(settings.work());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        progress.accept("hashing the seed password at cost " + settings.bcryptCost());
        passwordHash = new BcryptPasswordHasher(settings.bcryptCost()).hash(PlainPassword.of(Seeder.PASSWORD)).encoded();
        measureProductStart();
        if (settings.deployments().contains("embedded")) {
            try (Deployment embedded = new Deployment.Embedded(settings.work().resolve("embedded-data"))) {
                run(embedded, Names.EMBEDDED);
            }
        }
        if (settings.deployments().contains("postgres")) {
            try (Deployment shared = new Deployment.PostgresRedis()) {
                run(shared, Names.POSTGRES_REDIS);
            }
        }
    }

    /**
     * The product's own jar in the quick start, as a user runs it: first start on nothing, then a restart, five times
     * over (the medians are reported). Then the same restart with an application class-data archive (AppCDS, made by one more start), a JVM option a deployment
     * can add: it shows how much of the start is the JVM loading classes.
     */
    private void measureProductStart() {
        if (settings.productJar() == null || !Files.exists(settings.productJar())) {
            progress.accept("no " + settings.productJar() + ": skipping the product jar's start time");
            return;
        }
        Path data = settings.work().resolve("quick-start-data");
        Path archive = settings.work().resolve("gatehouse-server.jsa");
        try {
            Files.deleteIfExists(archive);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        List<String> plain = settings.serverJvmOptions();
        List<String> archiving = new ArrayList<>(plain);
        archiving.add("-XX:ArchiveClassesAtExit=" + archive);
        List<String> archived = new ArrayList<>(plain);
        archived.add("-XX:SharedArchiveFile=" + archive);
        List<Double> firstStarts = new ArrayList<>();
        List<Double> restarts = new ArrayList<>();
        for (int round = 0; round < STARTS; round++) {
            Deployment.delete(data);
            firstStarts.add(secondsToReady(plain, data));
            restarts.add(secondsToReady(plain, data));
        }
        secondsToReady(archiving, data);
        List<Readiness> measured = List.of(new Readiness("gatehouse-server.jar, first start (empty data folder)", firstStarts),
                new Readiness("gatehouse-server.jar, restart", restarts),
                new Readiness("AppCDS: the restart with -XX:SharedArchiveFile", secondsToReady(archived, data)));
        measured.forEach(ready -> progress.accept(ready.what() + ": ready in " + ready.describe()));
        readiness.addAll(measured);
    }

    private double secondsToReady(List<String> jvmOptions, Path data) {
        try (ServerProcess server = ServerProcess.start(jvmOptions, List.of("-jar", settings.productJar().toString()),
                baseEnvironment(Map.of("DATA_DIR", data.toString())), log("quick-start"), Duration.ofSeconds(60))) {
            return server.secondsToReady();
        }
    }

    private void run(Deployment deployment, String name) {
        Map<String, String> environment = baseEnvironment(deployment.environment());
        try (ServerProcess fresh = startServer(environment, name)) {
            readiness.add(new Readiness(name + ": benchmark server, first start", fresh.secondsToReady()));
        }
        seed(deployment, () -> {
            try (Connection connection = deployment.connect()) {
                Seeder.seed(connection, deployment.postgres(), settings.accounts(), passwordHash);
            }
        }, settings.accounts());
        try (ServerProcess server = startServer(environment, name)) {
            readiness.add(new Readiness(name + ": benchmark server, restart with "
                    + String.format("%,d", settings.accounts()) + " accounts", server.secondsToReady()));
            Fixtures fixtures = prepare(server);
            warmUp(name, server, fixtures);
            for (int concurrency : settings.concurrencies()) {
                progress.accept(name + ": concurrency " + concurrency);
                cheap(name, server, fixtures, concurrency);
                hashing(name, server, concurrency);
            }
            boolean scale = deployment.postgres() && settings.scaleAccounts() > settings.accounts();
            if (scale) {
                progress.accept("scale: " + settings.accounts() + " accounts");
                scaleRuns(server, fixtures, settings.accounts(), Runtime.getRuntime().availableProcessors())
                        .forEach(result -> results.add(result.in(Names.SCALE_SMALL)));
            }
            floods(name, server, fixtures);
            server.kill();
            if (scale) {
                scale(deployment, environment, fixtures);
            }
        }
    }

    /** Every environment variable the server gets: the deployment's, and what the scenarios need. */
    private Map<String, String> baseEnvironment(Map<String, String> deployment) {
        Map<String, String> env = new HashMap<>(deployment);
        env.put("BCRYPT_COST", Integer.toString(settings.bcryptCost()));
        env.put("ENABLE_SIGNUP", "true");
        env.put("ENABLE_API_KEYS", "true");
        env.put("USER_PERMISSIONS_FEATURES_API_KEYS", "true");
        // the driver speaks for many clients through one loopback "proxy", as a load balancer would
        env.put("TRUSTED_PROXY_CIDRS", "127.0.0.1/32");
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
        return env;
    }

    private ServerProcess startServer(Map<String, String> environment, String name) {
        return ServerProcess.start(settings.serverJvmOptions(),
                List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName()), environment,
                log(name), Duration.ofSeconds(120));
    }

    private Path log(String name) {
        return settings.work().resolve(name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT) + ".log");
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void seed(Deployment deployment, SqlWork work, long accounts) {
        long started = System.nanoTime();
        try {
            work.run();
        } catch (SQLException failed) {
            throw new IllegalStateException("seeding " + deployment.name() + " failed", failed);
        }
        progress.accept(String.format("%s: %,d accounts seeded in %.1f s", deployment.name(), accounts,
                (System.nanoTime() - started) / 1e9));
    }

    /** Signed-in users with their tokens and API keys, and an account pushed over the sign-in limit. */
    private static final class Fixtures {
        final List<String> tokens = new ArrayList<>();
        final List<String> apiKeys = new ArrayList<>();
    }

    private Fixtures prepare(ServerProcess server) {
        Fixtures fixtures = new Fixtures();
        for (int account = 1; account <= settings.signedIn(); account++) {
            ServerProcess.Answer signedIn = server.call(Requests.postJson("/api/v1/auths/signin",
                    credentials(Seeder.email(account), Seeder.PASSWORD), "X-Forwarded-For", address(sequence.incrementAndGet())));
            require(signedIn, 200, "sign-in of a seeded account");
            String token = signedIn.field("token");
            fixtures.tokens.add(token);
            ServerProcess.Answer key = server.call(Requests.postJson("/api/v1/auths/api_key", "{}",
                    "Authorization", "Bearer " + token));
            require(key, 200, "API key");
            fixtures.apiKeys.add(key.field("api_key"));
        }
        // the limit is per account and address: every attempt after it is refused before any hash
        for (int attempt = 0; ; attempt++) {
            ServerProcess.Answer answer = server.call(Requests.postJson("/api/v1/auths/signin",
                    credentials(LIMITED_EMAIL, WRONG_PASSWORD), "X-Forwarded-For", LIMITED_ADDRESS));
            if (answer.status() == 429) {
                break;
            }
            if (attempt > 100) {
                throw new IllegalStateException("the sign-in limit never answered 429: " + answer.status());
            }
        }
        return fixtures;
    }

    private static void require(ServerProcess.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
        }
    }

    /** Lets the server's JIT compile the request path before anything is counted. */
    private void warmUp(String name, ServerProcess server, Fixtures fixtures) {
        progress.accept(name + ": warming up");
        for (LoadRun.Part part : cheapParts(fixtures, 4)) {
            LoadRun.run(name, server.port(), server.pid(), List.of(part), settings.warmup(), settings.measure());
        }
    }

    private List<LoadRun.Part> cheapParts(Fixtures fixtures, int concurrency) {
        return List.of(part(Names.BARE, concurrency, bare(), ok()),
                part(Names.JWT, concurrency, bearer(fixtures.tokens), ok()),
                part(Names.API_KEY, concurrency, bearer(fixtures.apiKeys), ok()),
                part(Names.RATE_LIMITED, concurrency, rateLimited(), status -> status == 429));
    }

    /**
     * The bare route and the scenarios that do not hash, in rounds that take turns (bare, JWT, API key, rate-limited,
     * bare, ...): other people's work on the machine comes and goes over seconds, and taking turns gives it the same
     * chance to slow each scenario, so the ratios to the bare route hold better than the absolute numbers.
     */
    private void cheap(String name, ServerProcess server, Fixtures fixtures, int concurrency) {
        Map<String, List<LoadRun.Sample>> rounds = new java.util.LinkedHashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            for (LoadRun.Part part : cheapParts(fixtures, concurrency)) {
                rounds.computeIfAbsent(part.scenario(), scenario -> new ArrayList<>()).addAll(LoadRun.run(name,
                        server.port(), server.pid(), List.of(part), settings.warmup(), settings.measure()));
            }
        }
        rounds.values().forEach(samples -> results.add(LoadRun.summarise(name, samples)));
    }

    /**
     * Sign-in and sign-up, between two measurements of the bcrypt bound (their mean is the bound they are judged
     * against). Each warms up for as long as its users need to pass through the hashing queue once, so the window
     * sees the queue as it stays, not as it fills, and each waits for its queue to drain before the next starts.
     */
    private void hashing(String name, ServerProcess server, int concurrency) {
        double before = bcryptBound(server);
        Duration warmup = max(settings.warmup(), Duration.ofMillis((long) (1000.0 * concurrency / before)));
        List<LoadRun.Sample> signIn = LoadRun.run(name, server.port(), server.pid(),
                List.of(part(Names.SIGNIN, concurrency, signIn(settings.accounts(), false), ok())), warmup, settings.hashMeasure());
        List<LoadRun.Sample> signUp = LoadRun.run(name, server.port(), server.pid(),
                List.of(part(Names.SIGNUP, concurrency, signUp(name), ok())), warmup, settings.hashMeasure());
        double bound = (before + bcryptBound(server)) / 2;
        results.add(LoadRun.summarise(name, signIn).withBound(bound));
        results.add(LoadRun.summarise(name, signUp).withBound(bound));
    }

    /**
     * Cores over the median CPU time of one verification at the configured cost, measured in the server itself while
     * every core verifies: what the machine could hash if Gatehouse had it to itself. (Wall time would move with
     * other people's work from one second to the next; CPU time does not.)
     */
    private double bcryptBound(ServerProcess server) {
        int cores = Runtime.getRuntime().availableProcessors();
        ServerProcess.Answer answer = server.call(Requests.get(BenchServer.BCRYPT_PATH + "?n=3&threads=" + cores));
        require(answer, 200, "bcrypt timing");
        double medianCpuMs = number(answer.body(), "median_cpu_ms");
        return number(answer.body(), "cores") / (medianCpuMs / 1000.0);
    }

    private static double number(String json, String field) {
        int start = json.indexOf("\"" + field + "\":") + field.length() + 3;
        int end = start;
        while (end < json.length() && "0123456789.eE-".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(start, end));
    }

    /**
     * Signed-in users' requests while sign-ins flood the server: first as many as the hashing queue takes (64), then,
     * without letting that queue drain, four times as many, so the queue overflows and the surplus is refused. In the
     * same window as many clients call the bare route, the limit of what the cores the hashing leaves could serve:
     * the JWT users are judged against it, as every other request scenario is judged against the bare route measured
     * in the same conditions. The last thing a server does: the caller stops it instead of waiting for its queue.
     */
    private void floods(String name, ServerProcess server, Fixtures fixtures) {
        progress.accept(name + ": floods");
        List<LoadRun.Sample> bareRounds = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            bareRounds.addAll(LoadRun.run(name, server.port(), server.pid(),
                    List.of(part(Names.FLOOD_BARE, JWT_USERS_DURING_FLOOD, bare(), ok())), settings.warmup(), settings.measure()));
        }
        results.add(LoadRun.summarise(name, bareRounds));
        double bound = bcryptBound(server);
        for (int flooders : List.of(FLOODERS, OVERFLOWING_FLOODERS)) {
            List<LoadRun.Sample> flood = LoadRun.run(name, server.port(), server.pid(), List.of(
                    part(Names.floodJwt(flooders), JWT_USERS_DURING_FLOOD, bearer(fixtures.tokens), ok()),
                    part(Names.floodBare(flooders), JWT_USERS_DURING_FLOOD, bare(), ok()),
                    part(Names.flood(flooders), flooders, signIn(settings.accounts(), false),
                            status -> status == 200 || status == 429 || status == 503)),
                    settings.warmup(), settings.hashMeasure(), false);
            // no drain: the floods come last, and the server is stopped with its queue
            results.add(LoadRun.summarise(name, List.of(flood.get(0))));
            results.add(LoadRun.summarise(name, List.of(flood.get(1))));
            results.add(LoadRun.summarise(name, List.of(flood.get(2))).withBound(bound));
        }
    }

    /** The same sign-ins and requests as {@link #scaleRuns} measured with 1,000 accounts, now with 1,000,000. */
    private void scale(Deployment deployment, Map<String, String> environment, Fixtures fixtures) {
        int cores = Runtime.getRuntime().availableProcessors();
        seed(deployment, () -> {
            try (Connection connection = deployment.connect()) {
                Seeder.addUsers(connection, true, settings.accounts() + 1L, settings.scaleAccounts(), passwordHash);
            }
        }, settings.scaleAccounts() - settings.accounts());
        try (ServerProcess large = startServer(environment, Names.SCALE_LARGE)) {
            readiness.add(new Readiness(Names.POSTGRES_REDIS + ": benchmark server, restart with "
                    + String.format("%,d", settings.scaleAccounts()) + " accounts", large.secondsToReady()));
            progress.accept("scale: " + settings.scaleAccounts() + " accounts");
            // the small server had run every scenario before its turn: give the fresh one's JIT time to catch up
            for (int pass = 0; pass < 3; pass++) {
                warmUp(Names.SCALE_LARGE, large, fixtures);
            }
            scaleRuns(large, fixtures, settings.scaleAccounts(), cores).forEach(result -> results.add(result.in(Names.SCALE_LARGE)));
        }
    }

    private List<ScenarioResult> scaleRuns(ServerProcess server, Fixtures fixtures, int accounts, int cores) {
        List<LoadRun.Sample> jwt = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            jwt.addAll(LoadRun.run("scale", server.port(), server.pid(),
                    List.of(part(Names.JWT, 4, bearer(fixtures.tokens), ok())), settings.warmup(), settings.measure()));
        }
        double before = bcryptBound(server);
        List<LoadRun.Sample> signIn = LoadRun.run("scale", server.port(), server.pid(),
                List.of(part(Names.SIGNIN, cores, signIn(accounts, true), ok())), settings.warmup(), settings.hashMeasure());
        double bound = (before + bcryptBound(server)) / 2;
        return List.of(LoadRun.summarise("scale", jwt), LoadRun.summarise("scale", signIn).withBound(bound));
    }

    private static LoadRun.Part part(String scenario, int concurrency, LoadRun.RequestSource source, IntPredicate expected) {
        return new LoadRun.Part(scenario, concurrency, source, expected);
    }

    private static IntPredicate ok() {
        return status -> status == 200;
    }

    private static LoadRun.RequestSource bare() {
        byte[] request = Requests.get(BenchServer.BARE_PATH);
        return user -> request;
    }

    /** Each user presents one credential of the list, the same on every request, as a signed-in client does. */
    private static LoadRun.RequestSource bearer(List<String> credentials) {
        List<byte[]> requests = credentials.stream()
                .map(credential -> Requests.get("/api/v1/auths/", "Authorization", "Bearer " + credential)).toList();
        return user -> requests.get(user % requests.size());
    }

    private static LoadRun.RequestSource rateLimited() {
        byte[] request = Requests.postJson("/api/v1/auths/signin", credentials(LIMITED_EMAIL, WRONG_PASSWORD),
                "X-Forwarded-For", LIMITED_ADDRESS);
        return user -> request;
    }

    /**
     * Sign-ins with the right password, each from an address of its own, over the seeded accounts in turn (or at
     * random), so that no account meets its limit of 15 per address.
     */
    private LoadRun.RequestSource signIn(int accounts, boolean random) {
        return user -> {
            long n = sequence.incrementAndGet();
            long account = random ? ThreadLocalRandom.current().nextLong(1, accounts + 1L) : 1 + n % accounts;
            return Requests.postJson("/api/v1/auths/signin", credentials(Seeder.email(account), Seeder.PASSWORD),
                    "X-Forwarded-For", address(n));
        };
    }

    private LoadRun.RequestSource signUp(String deployment) {
        String prefix = "signup-" + Integer.toHexString(deployment.hashCode()) + "-";
        return user -> Requests.postJson("/api/v1/auths/signup", "{\"name\":\"Bench User\",\"email\":"
                + Requests.quote(prefix + sequence.incrementAndGet() + "@bench.example") + ",\"password\":"
                + Requests.quote(Seeder.PASSWORD) + "}");
    }

    private static String credentials(String email, String password) {
        return "{\"email\":" + Requests.quote(email) + ",\"password\":" + Requests.quote(password) + "}";
    }

    /** A distinct private address per number (10.0.0.0/8 holds 16 million). */
    private static String address(long n) {
        long host = n % (1L << 24);
        return "10." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
