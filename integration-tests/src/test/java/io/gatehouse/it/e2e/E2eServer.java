package io.gatehouse.it.e2e;

import io.gatehouse.bootstrap.StandaloneServer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The standalone server, started from an environment as a user would, on a PostgreSQL database of its own. */
final class E2eServer implements AutoCloseable {

    static final String KEY = "e2e-signing-key-0123456789abcdef0123456789";

    final String databaseUrl;
    final Client client;
    private final StandaloneServer server;

    private E2eServer(String databaseUrl, String... extraEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("WEBUI_SECRET_KEY", KEY);
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("BCRYPT_COST", "4");
        env.put("DATA_DIR", Path.of("target", "e2e-data").toString());
        for (int i = 0; i < extraEnvironment.length; i += 2) {
            env.put(extraEnvironment[i], extraEnvironment[i + 1]);
        }
        this.databaseUrl = databaseUrl;
        this.server = StandaloneServer.start(env);
        this.client = new Client(server.port());
    }

    /** On a new, empty database; {@code extraEnvironment} is name, value, name, value... */
    static E2eServer start(String... extraEnvironment) {
        return new E2eServer(Postgres.freshDatabaseUrl(), extraEnvironment);
    }

    /** Another server on this one's database: a restart, or a second instance. */
    E2eServer again(String... extraEnvironment) {
        return new E2eServer(databaseUrl, extraEnvironment);
    }

    @Override
    public void close() {
        server.close();
    }
}
