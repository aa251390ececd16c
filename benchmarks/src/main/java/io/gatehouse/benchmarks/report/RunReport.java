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

    /**
     * Requests per second of {@code scenario} over those of the bare route at the same concurrency, same server; for
     * the requests during a flood, over the bare route measured in the same flood. Empty for the bare route itself.
     */
    public Optional<Double> ratioToBare(ScenarioResult result) {
        return bareReference(result.scenario())
                .flatMap(reference -> find(result.deployment(), reference, result.concurrency()))
                .filter(bare -> bare.requestsPerSecond() > 0)
                .map(bare -> result.requestsPerSecond() / bare.requestsPerSecond());
    }

    /**
     * The bare route measured in the same conditions: in the same flood for the JWT users of a flood, before the
     * floods for the bare route of a flood (what the hashing left of it), at the same concurrency otherwise. The
     * references themselves are compared with nothing.
     */
    private static Optional<String> bareReference(String scenario) {
        if (scenario.equals(Names.BARE) || scenario.equals(Names.FLOOD_BARE)) {
            return Optional.empty();
        }
        if (scenario.startsWith(Names.FLOOD_JWT.substring(0, Names.FLOOD_JWT.indexOf('%')))) {
            return Optional.of(Names.FLOOD_BARE_DURING.substring(0, Names.FLOOD_BARE_DURING.indexOf('%'))
                    + scenario.substring(Names.FLOOD_JWT.indexOf('%')));
        }
        return Optional.of(scenario.startsWith(Names.BARE) ? Names.FLOOD_BARE : Names.BARE);
    }

    /**
     * Of the server's CPU time, the share its hashes took: requests per second times the CPU time of one hash, over
     * the CPU the server used. Near 100 %: a sign-in costs the hash and nothing more.
     */
    public Optional<Double> hashShareOfServerCpu(ScenarioResult result) {
        return result.hasBound() && result.serverCpuCores() > 0 && result.boundRps() > 0
                ? Optional.of(result.requestsPerSecond() * machine.cores() / result.boundRps() / result.serverCpuCores())
                : Optional.empty();
    }

    /** Requests per second over the bcrypt bound measured for this result. */
    public Optional<Double> ratioToBound(ScenarioResult result) {
        return result.hasBound() && result.boundRps() > 0
                ? Optional.of(result.requestsPerSecond() / result.boundRps()) : Optional.empty();
    }
}
