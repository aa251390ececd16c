package io.gatehouse.benchmarks.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code docs/benchmarks.md}: the budget, the findings, the chart, every table, the machine and the command. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param findings hand-written analysis of the last full run (why a budget is missed), shown as it is; may be empty
     * @param chart    the chart's file name, next to the page
     */
    public static String render(RunReport report, String findings, String chart) {
        StringBuilder page = new StringBuilder();
        page.append("# Benchmarks\n\n")
                .append("Gatehouse sits in front of every request of the application it protects. This page is written by ")
                .append("the `benchmarks` module: it measures the request path, the sign-in path and their limits on one ")
                .append("machine, in one run, and judges them against the performance budget of issue 6. Absolute numbers ")
                .append("on a shared machine are noise; the budget is written as ratios to two limits measured in the same ")
                .append("server in the same run: the **bare route** (a constant answer, no authentication) and the ")
                .append("**bcrypt bound** (cores ÷ the time of one hash at the configured cost, measured as CPU time in ")
                .append("the server while every core hashes, so that it is what the machine could hash if Gatehouse had ")
                .append("it to itself). *Hashing's share of server CPU* is the sign-ins' hashes (requests/s × one hash's ")
                .append("CPU time) over all the CPU the server used: near 100 %, a sign-in costs the hash and no more.\n\n");
        page.append("Reproduce it from the project root (about ").append(Math.round(Math.ceil(report.minutes())))
                .append(" minutes here, build excluded):\n\n```sh\n").append(report.command()).append("\n```\n\n");
        machine(page, report);
        budget(page, report);
        if (!findings.isBlank()) {
            page.append("## Findings\n\n").append(findings.strip()).append("\n\n");
        }
        page.append("## Chart\n\n![Requests per second and p99 latency of each scenario](").append(chart).append(")\n\n");
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            scenarios(page, report, deployment);
        }
        floods(page, report);
        scale(page, report);
        readiness(page, report);
        micro(page, report);
        method(page, report);
        return page.toString();
    }

    private static void machine(StringBuilder page, RunReport report) {
        Machine machine = report.machine();
        page.append("## Machine\n\n| | |\n|---|---|\n")
                .append("| Run | ").append(report.startedAt()).append(String.format(Locale.ROOT, ", %.1f minutes |\n", report.minutes()))
                .append("| CPU | ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores |\n")
                .append(String.format(Locale.ROOT, "| Memory | %.1f GiB |%n", machine.memoryGib()))
                .append("| OS | ").append(machine.os()).append(" |\n")
                .append("| Java | ").append(machine.java()).append(" |\n")
                .append("| Server JVM | `").append(report.serverJvmOptions()).append("`, a process of its own |\n")
                .append(String.format(Locale.ROOT, "| Load average at start | %.2f (other people's work shares these cores) |%n%n",
                        machine.loadAverageAtStart()));
    }

    private static void budget(StringBuilder page, RunReport report) {
        page.append("## Budget\n\n| Budget | Target | Measured | Verdict |\n|---|---|---|---|\n");
        for (Verdict verdict : Budgets.judge(report)) {
            page.append("| ").append(cell(verdict.budget())).append(" | ").append(cell(verdict.target())).append(" | ")
                    .append(cell(verdict.measured())).append(" | ").append(verdict.status().text()).append(" |\n");
        }
        page.append('\n');
    }

    private static void scenarios(StringBuilder page, RunReport report, String deployment) {
        List<ScenarioResult> results = report.scenarios().stream().filter(result -> result.deployment().equals(deployment)
                && !result.scenario().startsWith("sign-in flood") && !result.scenario().startsWith("JWT during")
                && !result.scenario().equals(Names.FLOOD_BARE)).collect(Collectors.toList());
        if (results.isEmpty()) {
            return;
        }
        page.append("## ").append(deployment).append("\n\n");
        header(page);
        Set<String> order = new LinkedHashSet<>(List.of(Names.BARE, Names.JWT, Names.API_KEY, Names.RATE_LIMITED,
                Names.SIGNIN, Names.SIGNUP));
        results.forEach(result -> order.add(result.scenario()));
        for (String scenario : order) {
            results.stream().filter(result -> result.scenario().equals(scenario)).forEach(result -> row(page, report, result));
        }
        page.append('\n');
    }

    private static void floods(StringBuilder page, RunReport report) {
        List<ScenarioResult> results = report.scenarios().stream().filter(result -> result.scenario().startsWith("sign-in flood")
                || result.scenario().startsWith("JWT during") || result.scenario().equals(Names.FLOOD_BARE))
                .collect(Collectors.toList());
        if (results.isEmpty()) {
            return;
        }
        page.append("## Login floods\n\nSigned-in users (JWT) and a flood of sign-ins run at the same time, in the same ")
                .append("window, with as many clients of the bare route; the JWT users are compared with that bare route, which is in turn compared with the bare route before the floods (what hashing leaves of the cores). Answers by status: ");
        page.append(results.stream().filter(result -> result.scenario().startsWith("sign-in flood"))
                .map(result -> result.deployment() + ", " + result.scenario() + ": " + Budgets.statuses(result))
                .collect(Collectors.joining("; "))).append(".\n\n");
        header(page, "Deployment");
        for (ScenarioResult result : results) {
            page.append("| ").append(result.deployment()).append(' ');
            row(page, report, result);
        }
        page.append('\n');
    }

    private static void scale(StringBuilder page, RunReport report) {
        List<ScenarioResult> results = report.scenarios().stream().filter(result -> result.deployment().equals(Names.SCALE_SMALL)
                || result.deployment().equals(Names.SCALE_LARGE)).collect(Collectors.toList());
        if (results.isEmpty()) {
            return;
        }
        page.append("## Scale\n\nThe same server on PostgreSQL + Redis, first with 1,000 accounts, then restarted after ")
                .append("999,000 more were inserted (sign-ins pick an account at random among all of them).\n\n");
        header(page, "Accounts");
        for (ScenarioResult result : results) {
            page.append("| ").append(result.deployment().equals(Names.SCALE_SMALL) ? "1,000" : "1,000,000").append(' ');
            row(page, report, result);
        }
        page.append('\n');
    }

    private static void readiness(StringBuilder page, RunReport report) {
        if (report.readiness().isEmpty()) {
            return;
        }
        page.append("## Start-up\n\nFrom the process's start to its first successful `GET /api/config`.\n\n")
                .append("| Server | Ready after |\n|---|---|\n");
        report.readiness().forEach(ready -> page.append("| ").append(cell(ready.what()))
                .append(" | ").append(cell(ready.describe())).append(" |\n"));
        page.append('\n');
    }

    private static void micro(StringBuilder page, RunReport report) {
        if (report.micro().isEmpty()) {
            return;
        }
        page.append("## Micro-benchmarks (JMH)\n\nOne thread, in-memory stores (auth-application's test fakes), no HTTP; ")
                .append("mean time per operation ± the 99.9 % confidence half-width.\n\n")
                .append("| Benchmark | Time per operation |\n|---|---|\n");
        for (MicroResult result : report.micro()) {
            page.append("| ").append(cell(result.benchmark())).append(String.format(Locale.ROOT, " | %s ± %s %s |%n",
                    number(result.score()), number(result.error()), result.unit()));
        }
        page.append('\n');
    }

    private static void method(StringBuilder page, RunReport report) {
        page.append("## How it is measured\n\n")
                .append("- The driver starts the server as a separate JVM (`").append(report.serverJvmOptions())
                .append("`), the standalone server exactly as `gatehouse-server.jar` builds it, plus two routes of the ")
                .append("benchmark's own: `GET /bench/bare` (a constant) and `GET /bench/bcrypt` (times one hash). The ")
                .append("driver stops only the processes it started, by their process id.\n")
                .append("- Each scenario is closed-loop: *c* virtual users, each with one keep-alive connection to ")
                .append("127.0.0.1, send the next request when the previous answer arrives. A warm-up (for hashing ")
                .append("scenarios: long enough for every user to pass the hashing queue once) is not counted; an answer ")
                .append("counts when it arrives in the measured window. Latencies are nearest-rank percentiles.\n")
                .append("- Server CPU is the server process's CPU time per second of the window (2.0 = two cores busy), ")
                .append("RSS its resident memory at the window's end, both read from `/proc`; machine busy is the share ")
                .append("of all cores busy, whoever used them (the driver, PostgreSQL, Redis, other people's work).\n")
                .append("- The driver runs on the same cores as the server, so the bare route measures what this ")
                .append("machine, this server and this driver can do together; the ratios compare like with like.\n")
                .append("- Accounts are inserted with SQL (one bcrypt hash at the configured cost, shared) into the schema ")
                .append("the server made. Sign-ins rotate over the accounts, each from an address of its own ")
                .append("(`X-Forwarded-For` through `TRUSTED_PROXY_CIDRS=127.0.0.1/32`), so no account meets its ")
                .append("limit; the rate-limited scenario repeats one account and address past its limit, so every ")
                .append("attempt is answered 429 before any hash.\n")
                .append("- Environment besides the deployment's: `BCRYPT_COST=12`, `ENABLE_SIGNUP=true`, ")
                .append("`ENABLE_API_KEYS=true`, `USER_PERMISSIONS_FEATURES_API_KEYS=true`, ")
                .append("`TRUSTED_PROXY_CIDRS=127.0.0.1/32`; everything else is the default, including the hashing pool ")
                .append("(`BCRYPT_THREADS` = cores, `BCRYPT_QUEUE=64`) and the audit log at INFO.\n");
    }

    private static void header(StringBuilder page, String... leading) {
        StringBuilder names = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (String column : leading) {
            names.append("| ").append(column).append(' ');
            rule.append("|---");
        }
        page.append(names).append("| Scenario | c | req/s | × bare | × bcrypt bound | hashing's share of server CPU | p50 | p90 | p99 | max | "
                + "errors | server CPU | server RSS | machine busy |\n")
                .append(rule).append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    }

    private static void row(StringBuilder page, RunReport report, ScenarioResult result) {
        page.append("| ").append(cell(result.scenario()))
                .append(" | ").append(result.concurrency())
                .append(" | ").append(number(result.requestsPerSecond()))
                // what hashes is judged against the bcrypt bound; its share of the bare route says nothing
                .append(" | ").append(result.hasBound() ? "" : report.ratioToBare(result).map(Budgets::percent).orElse(""))
                .append(" | ").append(report.ratioToBound(result).map(Budgets::percent).orElse(""))
                .append(" | ").append(report.hashShareOfServerCpu(result).map(Budgets::percent).orElse(""))
                .append(" | ").append(Budgets.ms(result.p50Ms()))
                .append(" | ").append(Budgets.ms(result.p90Ms()))
                .append(" | ").append(Budgets.ms(result.p99Ms()))
                .append(" | ").append(Budgets.ms(result.maxMs()))
                .append(" | ").append(result.errors())
                .append(" | ").append(String.format(Locale.ROOT, "%.2f", result.serverCpuCores()))
                .append(" | ").append(String.format(Locale.ROOT, "%.0f MiB", result.serverRssMib()))
                .append(" | ").append(Budgets.percent(result.machineBusy()))
                .append(" |\n");
    }

    /** Three significant digits, with thousands separators for large numbers. */
    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (value >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
