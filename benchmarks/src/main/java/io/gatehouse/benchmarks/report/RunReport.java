package io.gatehouse.benchmarks.report;

import java.util.List;
import java.util.Optional;

/** Everything one run measured, and how it was run. */
public record RunReport(Machine machine, String command, String startedAt, double minutes, String serverJvmOptions,
                        List<MicroResult> micro, List<ScenarioResult> scenarios, List<Readiness> readiness) {

    public RunReport {
        micro = List.copyOf(micro);
        scenarios = List.copyOf(scenarios);
        readiness = List.copyOf(readiness);
    }

    public Optional<ScenarioResult> find(String deployment, String scenario, int concurrency) {
        return scenarios.stream().filter(result -> result.deployment().equals(deployment)
                && result.scenario().equals(scenario) && result.concurrency() == concurrency).findFirst();
    }

    /** Requests per second of {@code scenario} over those of the bare route at the same concurrency, same server. */
    public Optional<Double> ratioToBare(ScenarioResult result) {
        return find(result.deployment(), Names.BARE, result.concurrency())
                .filter(bare -> bare.requestsPerSecond() > 0)
                .map(bare -> result.requestsPerSecond() / bare.requestsPerSecond());
    }

    /** Requests per second over the bcrypt bound measured for this result. */
    public Optional<Double> ratioToBound(ScenarioResult result) {
        return result.hasBound() && result.boundRps() > 0
                ? Optional.of(result.requestsPerSecond() / result.boundRps()) : Optional.empty();
    }
}
