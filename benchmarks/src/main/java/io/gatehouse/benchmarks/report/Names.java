package io.gatehouse.benchmarks.report;

/** The names of deployments and scenarios, shared by the driver that runs them and the page that judges them. */
public final class Names {

    public static final String EMBEDDED = "embedded (H2, in-process)";
    public static final String POSTGRES_REDIS = "PostgreSQL + Redis";
    public static final String SCALE_SMALL = "PostgreSQL + Redis, 1,000 accounts";
    public static final String SCALE_LARGE = "PostgreSQL + Redis, 1,000,000 accounts";

    public static final String BARE = "bare route";
    public static final String JWT = "GET /api/v1/auths/ (JWT)";
    public static final String API_KEY = "GET /api/v1/auths/ (API key)";
    public static final String RATE_LIMITED = "rate-limited sign-in";
    public static final String SIGNIN = "password sign-in";
    public static final String SIGNUP = "sign-up";

    public static final String FLOOD_BARE = "bare route, before the floods";
    public static final String FLOOD_JWT = "JWT during a flood of %d sign-ins";
    public static final String FLOOD_BARE_DURING = "bare route during a flood of %d sign-ins";
    public static final String FLOOD = "sign-in flood of %d";

    private Names() {
    }

    public static String floodJwt(int flooders) {
        return String.format(FLOOD_JWT, flooders);
    }

    public static String floodBare(int flooders) {
        return String.format(FLOOD_BARE_DURING, flooders);
    }

    public static String flood(int flooders) {
        return String.format(FLOOD, flooders);
    }
}
