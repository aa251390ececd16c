package io.gatehouse.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ratios, verdicts and the page, over made-up results (no timing anywhere). */
class ReportTest {

    private static final Machine MACHINE = new Machine("Test CPU", 2, 8, "Linux", "Java 17", 0.5);

    /** A result with {@code rps} requests per second over one second, and the given p50. */
    private static ScenarioResult result(String deployment, String scenario, int concurrency, double rps, double p50Ms) {
        return new ScenarioResult(deployment, scenario, concurrency, (long) rps, 0, 1.0, p50Ms, p50Ms * 2, p50Ms * 3,
                p50Ms * 4, Map.of(200, (long) rps), 1.2, 150, 0.9, Double.NaN);
    }

    private static RunReport report(List<ScenarioResult> results, List<Readiness> readiness) {
        return new RunReport(MACHINE, "java -jar benchmarks.jar", "2026-11-24 12:00 UTC", 8.5, "-Xmx128m",
                List.of(new MicroResult("RequestPathBenchmark.tokenVerify", 2.5, 0.1, "us/op")), results, readiness);
    }

    private static List<ScenarioResult> everythingMet() {
        List<ScenarioResult> results = new ArrayList<>();
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            for (int c : List.of(1, 4, 16, 64)) {
                results.add(result(deployment, Names.BARE, c, 10_000, 0.1));
                results.add(result(deployment, Names.JWT, c, 6_000, 0.2));
                results.add(result(deployment, Names.API_KEY, c, 5_500, 0.2));
                results.add(result(deployment, Names.RATE_LIMITED, c, 8_000, 0.1));
                results.add(result(deployment, Names.SIGNIN, c, 19, 260).withBound(20));
                results.add(result(deployment, Names.SIGNUP, c, 18, 270).withBound(20));
            }
            results.add(result(deployment, Names.FLOOD_BARE, 16, 10_000, 1));
            results.add(result(deployment, Names.floodJwt(64), 16, 2_000, 2));
            results.add(result(deployment, Names.floodBare(64), 16, 3_000, 2));
            results.add(result(deployment, Names.flood(64), 64, 19, 8_000).withBound(20));
            results.add(result(deployment, Names.floodJwt(256), 16, 1_000, 3));
            results.add(result(deployment, Names.floodBare(256), 16, 2_500, 3));
            results.add(new ScenarioResult(deployment, Names.flood(256), 256, 9_000, 0, 1.0, 5, 10, 50, 900,
                    Map.of(200, 8L, 503, 8_992L), 1.5, 160, 1.0, 8));
        }
        results.add(result(Names.SCALE_SMALL, Names.JWT, 4, 3_000, 1.0));
        results.add(result(Names.SCALE_LARGE, Names.JWT, 4, 2_900, 1.1));
        results.add(result(Names.SCALE_SMALL, Names.SIGNIN, 2, 7, 250).withBound(8));
        results.add(result(Names.SCALE_LARGE, Names.SIGNIN, 2, 7, 260).withBound(8));
        return results;
    }

    private static final List<Readiness> READY = List.of(new Readiness("gatehouse-server.jar, first start (empty data folder)", 1.4),
            new Readiness("gatehouse-server.jar, restart", 1.1));

    @Test
    void aStartIsJudgedByTheMedianOfItsSamplesAndShownWithTheirRange() {
        Readiness unluckyOnce = new Readiness("gatehouse-server.jar, first start (empty data folder)", List.of(1.9, 3.4, 1.8));
        Readiness slowTwice = new Readiness("gatehouse-server.jar, restart", List.of(2.2, 1.7, 2.1));

        assertEquals(1.9, unluckyOnce.seconds(), 1e-9);
        assertEquals("1.90 s (median of 3, 1.80–3.40 s)", unluckyOnce.describe());
        assertEquals("1.40 s", new Readiness("one start", 1.4).describe());
        Verdict met = Budgets.judge(report(everythingMet(), List.of(unluckyOnce))).stream()
                .filter(verdict -> verdict.budget().startsWith("The embedded server is ready")).findFirst().orElseThrow();
        assertEquals(Verdict.Status.MET, met.status());
        assertTrue(met.measured().contains("first start (empty data folder): 1.90 s (median of 3, 1.80–3.40 s)"), met.measured());
        Verdict missed = Budgets.judge(report(everythingMet(), List.of(unluckyOnce, slowTwice))).stream()
                .filter(verdict -> verdict.budget().startsWith("The embedded server is ready")).findFirst().orElseThrow();
        assertEquals(Verdict.Status.MISSED, missed.status(), "the restart's median is 2.1 s");
        assertThrows(IllegalArgumentException.class, () -> new Readiness("no start", List.of()));
    }

    @Test
    void ratiosAreToTheBareRouteAtTheSameConcurrencyAndToTheMeasuredBound() {
        RunReport report = report(everythingMet(), READY);
        ScenarioResult jwt = report.find(Names.EMBEDDED, Names.JWT, 16).orElseThrow();
        ScenarioResult signIn = report.find(Names.EMBEDDED, Names.SIGNIN, 4).orElseThrow();

        assertEquals(0.6, report.ratioToBare(jwt).orElseThrow(), 1e-9);
        assertEquals(0.95, report.ratioToBound(signIn).orElseThrow(), 1e-9);
        assertTrue(report.ratioToBound(jwt).isEmpty(), "no bound for what does not hash");
        // 19 sign-ins/s × (2 cores / 20 per s = 0.1 s of CPU each) = 1.9 s of CPU per s, over 1.2 s used
        assertEquals(19 * 0.1 / 1.2, report.hashShareOfServerCpu(signIn).orElseThrow(), 1e-9);
        ScenarioResult duringFlood = report.find(Names.EMBEDDED, Names.floodJwt(64), 16).orElseThrow();
        assertEquals(2_000.0 / 3_000, report.ratioToBare(duringFlood).orElseThrow(), 1e-9,
                "against the bare route in the same flood");
        ScenarioResult bareDuringFlood = report.find(Names.EMBEDDED, Names.floodBare(256), 16).orElseThrow();
        assertEquals(0.25, report.ratioToBare(bareDuringFlood).orElseThrow(), 1e-9, "against the bare route before");
        ScenarioResult bare = report.find(Names.EMBEDDED, Names.BARE, 16).orElseThrow();
        assertEquals(Optional.empty(), report.ratioToBare(bare), "the bare route is the reference, not compared");
        ScenarioResult bareBeforeFloods = report.find(Names.EMBEDDED, Names.FLOOD_BARE, 16).orElseThrow();
        assertEquals(Optional.empty(), report.ratioToBare(bareBeforeFloods), "nor is the floods' reference");
    }

    @Test
    void everyBudgetIsMetWhenEveryRatioIs() {
        List<Verdict> verdicts = Budgets.judge(report(everythingMet(), READY));

        assertEquals(List.of(), verdicts.stream().filter(verdict -> verdict.status() != Verdict.Status.MET).toList());
        assertEquals(15, verdicts.size());
    }

    @Test
    void aMissSaysByHowMuch() {
        List<ScenarioResult> results = everythingMet();
        results.removeIf(result -> result.deployment().equals(Names.POSTGRES_REDIS) && result.scenario().equals(Names.JWT)
                && result.concurrency() == 64);
        results.add(result(Names.POSTGRES_REDIS, Names.JWT, 64, 2_500, 5));
        results.removeIf(result -> result.deployment().equals(Names.SCALE_LARGE) && result.scenario().equals(Names.SIGNIN));
        results.add(result(Names.SCALE_LARGE, Names.SIGNIN, 2, 7, 330).withBound(8));

        List<Verdict> verdicts = Budgets.judge(report(results, List.of(new Readiness("gatehouse-server.jar, restart", 2.6))));

        Verdict jwt = verdicts.stream().filter(verdict -> verdict.budget().equals(Names.JWT + ", " + Names.POSTGRES_REDIS))
                .findFirst().orElseThrow();
        assertEquals(Verdict.Status.MISSED, jwt.status());
        assertTrue(jwt.measured().startsWith("lowest 25 %, 5 points short"), jwt.measured());
        Verdict scale = verdicts.stream().filter(verdict -> verdict.budget().startsWith(Names.SIGNIN + " median")).findFirst().orElseThrow();
        assertEquals(Verdict.Status.MISSED, scale.status());
        assertTrue(scale.measured().startsWith("1.32× (250 ms → 330 ms), 10 % over"), scale.measured());
        assertEquals(Verdict.Status.MISSED, verdicts.get(verdicts.size() - 2).status(), "2.6 s to ready");
        assertEquals(Verdict.Status.MISSED, verdicts.get(verdicts.size() - 1).status(), "not every budget holds");
    }

    @Test
    void signedInUsersDuringAFloodAreJudgedAgainstTheBareRouteInTheSameFlood() {
        Verdict flood = Budgets.judge(report(everythingMet(), READY)).stream()
                .filter(verdict -> verdict.budget().startsWith("Signed-in users") && verdict.budget().endsWith(Names.EMBEDDED))
                .findFirst().orElseThrow();

        assertEquals(Verdict.Status.MET, flood.status());
        assertTrue(flood.measured().startsWith("67 % (20 % of the bare route without a flood)"), flood.measured());
    }

    @Test
    void whatWasNotRunIsNotMeasuredRatherThanMissed() {
        List<Verdict> verdicts = Budgets.judge(report(List.of(), List.of()));

        assertTrue(verdicts.stream().allMatch(verdict -> verdict.status() == Verdict.Status.NOT_MEASURED), verdicts.toString());
    }

    @Test
    void thePageHasTheBudgetTheTablesTheChartAndTheCommand() {
        String page = MarkdownReport.render(report(everythingMet(), READY), "The findings.", "benchmarks.svg");

        assertTrue(page.contains("java -jar benchmarks.jar"), page);
        assertTrue(page.contains("| Budget | Target | Measured | Verdict |"), page);
        assertTrue(page.contains("## Findings\n\nThe findings."), page);
        assertTrue(page.contains("![Requests per second and p99 latency of each scenario](benchmarks.svg)"), page);
        assertTrue(page.contains("| " + Names.JWT + " | 16 | 6,000 | 60 % |  |  | 0.20 ms | 0.40 ms | 0.60 ms | 0.80 ms | 0 | 1.20 | 150 MiB | 90 % |"), page);
        assertTrue(page.contains("| " + Names.SIGNIN + " | 4 | 19.0 |"), page);
        assertTrue(page.contains("| 1,000,000 | " + Names.SIGNIN + " | 2 |"), page);
        assertTrue(page.contains("| gatehouse-server.jar, restart | 1.10 s |"), page);
        assertTrue(page.contains("| RequestPathBenchmark.tokenVerify | 2.50 ± 0.100 us/op |"), page);
    }

    @Test
    void theChartIsWellFormedSvgWithABarPerScenarioAndConcurrency() throws Exception {
        String svg = SvgChart.render(report(everythingMet(), READY));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getTagName());
        // 2 deployments × 6 scenarios × 4 concurrencies × 2 panels, plus the background and 4 legend swatches
        assertEquals(2 * 6 * 4 * 2 + 1 + 4, document.getElementsByTagName("rect").getLength());
        assertTrue(svg.contains("GET /api/v1/auths/ (JWT), c=16: 6,000 req/s"), svg);
    }
}
