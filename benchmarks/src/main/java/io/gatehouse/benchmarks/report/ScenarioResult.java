package io.gatehouse.benchmarks.report;

import java.util.Map;
import java.util.Objects;

/**
 * One scenario at one concurrency: what the driver counted in the measured window, and what the server process used.
 *
 * @param requests         answers received in the window
 * @param errors           of those, answers with another status than the scenario expects, and failed connections
 * @param seconds          length of the window
 * @param statuses         answers by status; -1 counts connections that failed
 * @param serverCpuCores   CPU time the server process used per second of the window (2.0: two cores busy)
 * @param serverRssMib     the server's resident memory at the end of the window
 * @param machineBusy      share of all cores busy in the window, whoever used them (0 to 1)
 * @param boundRps         the bcrypt bound measured just before, for scenarios that hash; NaN for the others
 */
public record ScenarioResult(String deployment, String scenario, int concurrency, long requests, long errors,
                             double seconds, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                             Map<Integer, Long> statuses, double serverCpuCores, double serverRssMib,
                             double machineBusy, double boundRps) {

    public ScenarioResult {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(scenario, "scenario");
        statuses = Map.copyOf(statuses);
        if (seconds <= 0) {
            throw new IllegalArgumentException("a window lasts some time");
        }
    }

    /** The same result, against the bcrypt bound measured for it. */
    public ScenarioResult withBound(double rps) {
        return new ScenarioResult(deployment, scenario, concurrency, requests, errors, seconds, p50Ms, p90Ms, p99Ms, maxMs,
                statuses, serverCpuCores, serverRssMib, machineBusy, rps);
    }

    /** The same result under another deployment label (the scale run's two sizes). */
    public ScenarioResult in(String otherDeployment) {
        return new ScenarioResult(otherDeployment, scenario, concurrency, requests, errors, seconds, p50Ms, p90Ms, p99Ms,
                maxMs, statuses, serverCpuCores, serverRssMib, machineBusy, boundRps);
    }

    public boolean hasBound() {
        return !Double.isNaN(boundRps);
    }

    public double requestsPerSecond() {
        return requests / seconds;
    }
}
