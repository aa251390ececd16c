package io.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The budget of issue 6, judged against a run. Each verdict names its numbers, so a miss says by how much. */
public final class Budgets {

    static final double EMBEDDED_SHARE_OF_BARE = 0.50;
    static final double SHARED_SHARE_OF_BARE = 0.30;
    static final double SHARE_OF_BCRYPT_BOUND = 0.90;
    static final double RATE_LIMITED_SHARE_OF_BARE = 0.50;
    static final double SCALE_P50_FACTOR = 1.2;
    static final double READY_SECONDS = 2.0;
    static final int FLOODERS = 64;
    static final int OVERFLOWING_FLOODERS = 256;
    static final int USERS_DURING_FLOOD = 16;

    private Budgets() {
    }

    public static List<Verdict> judge(RunReport report) {
        List<Verdict> verdicts = new ArrayList<>();
        int cores = report.machine().cores();
        for (String scenario : List.of(Names.JWT, Names.API_KEY)) {
            verdicts.add(shareOfBare(report, Names.EMBEDDED, scenario, EMBEDDED_SHARE_OF_BARE, result -> true));
            verdicts.add(shareOfBare(report, Names.POSTGRES_REDIS, scenario, SHARED_SHARE_OF_BARE, result -> true));
        }
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            verdicts.add(signIn(report, deployment, cores));
        }
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            verdicts.add(shareOfBare(report, deployment, Names.RATE_LIMITED, RATE_LIMITED_SHARE_OF_BARE, result -> true));
        }
        verdicts.add(flood(report, Names.EMBEDDED, EMBEDDED_SHARE_OF_BARE));
        verdicts.add(flood(report, Names.POSTGRES_REDIS, SHARED_SHARE_OF_BARE));
        verdicts.add(overflow(report));
        verdicts.add(scale(report, Names.SIGNIN, cores));
        verdicts.add(scale(report, Names.JWT, 4));
        verdicts.add(readiness(report));
        verdicts.add(memory(report, verdicts));
        return verdicts;
    }

    private static List<ScenarioResult> all(RunReport report, String deployment, String scenario) {
        return report.scenarios().stream()
                .filter(result -> result.deployment().equals(deployment) && result.scenario().equals(scenario))
                .collect(Collectors.toList());
    }

    private static Verdict shareOfBare(RunReport report, String deployment, String scenario, double share,
                                       Predicate<ScenarioResult> which) {
        String budget = scenario + ", " + deployment;
        String target = "≥ " + percent(share) + " of the bare route's req/s at every concurrency";
        List<ScenarioResult> results = all(report, deployment, scenario).stream().filter(which).collect(Collectors.toList());
        if (results.isEmpty()) {
            return new Verdict(budget, target, "", Verdict.Status.NOT_MEASURED);
        }
        double lowest = Double.MAX_VALUE;
        List<String> parts = new ArrayList<>();
        long errors = 0;
        for (ScenarioResult result : results) {
            double ratio = report.ratioToBare(result).orElse(0.0);
            lowest = Math.min(lowest, ratio);
            errors += result.errors();
            parts.add("c=" + result.concurrency() + ": " + percent(ratio));
        }
        boolean met = lowest >= share && errors == 0;
        return new Verdict(budget, target, "lowest " + percent(lowest) + missedBy(lowest, share) + " (" + String.join(", ", parts)
                + ")" + errorsText(errors), met ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict signIn(RunReport report, String deployment, int cores) {
        String budget = Names.SIGNIN + ", " + deployment;
        String target = "≥ " + percent(SHARE_OF_BCRYPT_BOUND) + " of the bcrypt bound at concurrency ≥ " + cores + " (cores), no errors";
        List<ScenarioResult> results = all(report, deployment, Names.SIGNIN).stream()
                .filter(result -> result.concurrency() >= cores).collect(Collectors.toList());
        if (results.isEmpty()) {
            return new Verdict(budget, target, "", Verdict.Status.NOT_MEASURED);
        }
        double lowest = Double.MAX_VALUE;
        long errors = 0;
        List<String> parts = new ArrayList<>();
        for (ScenarioResult result : results) {
            double ratio = report.ratioToBound(result).orElse(0.0);
            lowest = Math.min(lowest, ratio);
            errors += result.errors();
            parts.add("c=" + result.concurrency() + ": " + percent(ratio));
        }
        boolean met = lowest >= SHARE_OF_BCRYPT_BOUND && errors == 0;
        return new Verdict(budget, target, "lowest " + percent(lowest) + missedBy(lowest, SHARE_OF_BCRYPT_BOUND) + " ("
                + String.join(", ", parts) + ")" + errorsText(errors), met ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict flood(RunReport report, String deployment, double share) {
        String budget = "Signed-in users' requests (JWT, " + USERS_DURING_FLOOD + " users) during a flood of " + FLOODERS
                + " concurrent sign-ins, " + deployment;
        String target = "≥ " + percent(share) + " of the bare route's req/s in the same flood; every sign-in answered "
                + "(200, 429 or 503)";
        Optional<ScenarioResult> during = report.find(deployment, Names.floodJwt(FLOODERS), USERS_DURING_FLOOD);
        Optional<ScenarioResult> bare = report.find(deployment, Names.floodBare(FLOODERS), USERS_DURING_FLOOD);
        Optional<ScenarioResult> bareBefore = report.find(deployment, Names.FLOOD_BARE, USERS_DURING_FLOOD);
        Optional<ScenarioResult> flood = report.find(deployment, Names.flood(FLOODERS), FLOODERS);
        if (during.isEmpty() || bare.isEmpty() || bareBefore.isEmpty() || flood.isEmpty()
                || bare.get().requestsPerSecond() == 0 || bareBefore.get().requestsPerSecond() == 0) {
            return new Verdict(budget, target, "", Verdict.Status.NOT_MEASURED);
        }
        double ratio = during.get().requestsPerSecond() / bare.get().requestsPerSecond();
        double ofUnflooded = during.get().requestsPerSecond() / bareBefore.get().requestsPerSecond();
        long errors = during.get().errors() + bare.get().errors() + flood.get().errors();
        boolean met = ratio >= share && errors == 0;
        return new Verdict(budget, target, percent(ratio) + missedBy(ratio, share) + " (" + percent(ofUnflooded)
                + " of the bare route without a flood); sign-ins " + statuses(flood.get()) + errorsText(errors),
                met ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict overflow(RunReport report) {
        String budget = "A flood larger than the hashing queue (" + OVERFLOWING_FLOODERS + " concurrent sign-ins)";
        String target = "the surplus is refused at once (503 with Retry-After) instead of queueing";
        List<String> parts = new ArrayList<>();
        boolean met = true;
        boolean measured = false;
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            Optional<ScenarioResult> flood = report.find(deployment, Names.flood(OVERFLOWING_FLOODERS), OVERFLOWING_FLOODERS);
            if (flood.isEmpty()) {
                continue;
            }
            measured = true;
            long refused = flood.get().statuses().getOrDefault(503, 0L);
            // most answers are refusals, so the median is a refusal's latency; a hash alone takes cores / bound
            double hashMs = flood.get().hasBound() ? 1000.0 * report.machine().cores() / flood.get().boundRps() : Double.NaN;
            boolean atOnce = refused > 0 && flood.get().p50Ms() < hashMs && flood.get().errors() == 0;
            met &= atOnce;
            parts.add(deployment + ": " + statuses(flood.get()) + ", median answer " + ms(flood.get().p50Ms())
                    + " (one hash: " + ms(hashMs) + ")");
        }
        return new Verdict(budget, target, String.join("; ", parts),
                !measured ? Verdict.Status.NOT_MEASURED : met ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict scale(RunReport report, String scenario, int concurrency) {
        String budget = scenario + " median latency with 1,000,000 accounts in PostgreSQL (c=" + concurrency + ")";
        String target = "≤ " + SCALE_P50_FACTOR + "× the median with 1,000 accounts";
        Optional<ScenarioResult> small = report.find(Names.SCALE_SMALL, scenario, concurrency);
        Optional<ScenarioResult> large = report.find(Names.SCALE_LARGE, scenario, concurrency);
        if (small.isEmpty() || large.isEmpty() || small.get().p50Ms() == 0) {
            return new Verdict(budget, target, "", Verdict.Status.NOT_MEASURED);
        }
        double factor = large.get().p50Ms() / small.get().p50Ms();
        long errors = small.get().errors() + large.get().errors();
        boolean met = factor <= SCALE_P50_FACTOR && errors == 0;
        return new Verdict(budget, target, String.format(Locale.ROOT, "%.2f× (%s → %s)", factor, ms(small.get().p50Ms()),
                ms(large.get().p50Ms())) + (factor > SCALE_P50_FACTOR ? String.format(Locale.ROOT, ", %.0f %% over",
                100 * (factor / SCALE_P50_FACTOR - 1)) : "") + errorsText(errors), met ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict readiness(RunReport report) {
        String budget = "The embedded server is ready (first successful GET /api/config)";
        String target = "within " + READY_SECONDS + " s of the process's start (the median of the starts)";
        List<Readiness> product = report.readiness().stream().filter(ready -> ready.what().startsWith("gatehouse-server.jar"))
                .collect(Collectors.toList());
        if (product.isEmpty()) {
            return new Verdict(budget, target, "", Verdict.Status.NOT_MEASURED);
        }
        double slowest = product.stream().mapToDouble(Readiness::seconds).max().orElseThrow();
        String measured = product.stream().map(ready -> ready.what().replace("gatehouse-server.jar, ", "") + ": "
                + ready.describe()).collect(Collectors.joining(", "));
        return new Verdict(budget, target, measured, slowest <= READY_SECONDS ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    private static Verdict memory(RunReport report, List<Verdict> others) {
        String budget = "Every budget above with " + report.serverJvmOptions();
        double largest = report.scenarios().stream().mapToDouble(ScenarioResult::serverRssMib).max().orElse(0);
        boolean allMet = others.stream().allMatch(verdict -> verdict.status() == Verdict.Status.MET);
        boolean anyMeasured = others.stream().anyMatch(verdict -> verdict.status() != Verdict.Status.NOT_MEASURED);
        return new Verdict(budget, "all met; resident memory under load reported",
                String.format(Locale.ROOT, "largest RSS %.0f MiB", largest),
                !anyMeasured ? Verdict.Status.NOT_MEASURED : allMet ? Verdict.Status.MET : Verdict.Status.MISSED);
    }

    static String statuses(ScenarioResult result) {
        return result.statuses().entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%,d × %s", entry.getValue(),
                        entry.getKey() < 0 ? "failed connection" : entry.getKey().toString()))
                .collect(Collectors.joining(", "));
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String missedBy(double ratio, double target) {
        return ratio >= target ? "" : String.format(Locale.ROOT, ", %.0f points short", 100 * (target - ratio));
    }

    private static String errorsText(long errors) {
        return errors == 0 ? "" : String.format(Locale.ROOT, "; %,d errors", errors);
    }
}
