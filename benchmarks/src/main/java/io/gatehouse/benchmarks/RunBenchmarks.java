package io.gatehouse.benchmarks;

import io.gatehouse.benchmarks.load.LoadDriver;
import io.gatehouse.benchmarks.micro.ClaimsBenchmark;
import io.gatehouse.benchmarks.micro.PasswordBenchmark;
import io.gatehouse.benchmarks.micro.RequestPathBenchmark;
import io.gatehouse.benchmarks.report.Budgets;
import io.gatehouse.benchmarks.report.Machine;
import io.gatehouse.benchmarks.report.MarkdownReport;
import io.gatehouse.benchmarks.report.MicroResult;
import io.gatehouse.benchmarks.report.RunReport;
import io.gatehouse.benchmarks.report.SvgChart;
import io.gatehouse.benchmarks.report.Verdict;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The one command: JMH micro-benchmarks, then the HTTP scenarios on both deployments, then {@code docs/benchmarks.md}
 * and its chart. Run from the project root:
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar [--quick] [--no-micro] [--no-load] [--only embedded,postgres]
 *     [--server-jvm "-Xmx128m ..."] [--out docs/benchmarks.md]}</pre>
 * {@code --quick} is a smoke test of the driver (short windows, fewer concurrencies, no scale run): its page is
 * written next to the work files, never over the documented one unless {@code --out} says so.
 */
public final class RunBenchmarks {

    static final String COMMAND = "mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar";
    private static final String CHART = "benchmarks.svg";

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("--quick");
        Path work = Path.of("benchmarks", "target", "bench-work").toAbsolutePath();
        Files.createDirectories(work.resolve("tmp"));
        // embedded PostgreSQL and Redis unpack their binaries here, not in the system's temporary folder
        System.setProperty("java.io.tmpdir", work.resolve("tmp").toString());
        Path out = Path.of(option(options, "--out", quick ? work.resolve("benchmarks.md").toString() : "docs/benchmarks.md"));
        Path productJar = Path.of("auth-bootstrap", "target", "gatehouse-server.jar");

        long started = System.nanoTime();
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Machine machine = Machine.current();
        List<MicroResult> micro = options.contains("--no-micro") ? List.of() : micro(quick);
        LoadDriver.Settings settings = quick ? LoadDriver.Settings.quick(work, productJar) : LoadDriver.Settings.full(work, productJar);
        if (options.contains("--server-jvm")) {
            settings = settings.withServerJvmOptions(List.of(option(options, "--server-jvm", "").split(" ")));
        }
        if (options.contains("--only")) {
            settings = settings.only(List.of(option(options, "--only", "").split(",")));
        }
        LoadDriver driver = new LoadDriver(settings, RunBenchmarks::say);
        if (!options.contains("--no-load")) {
            driver.runAll();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        RunReport report = new RunReport(machine, COMMAND, startedAt, minutes, String.join(" ", settings.serverJvmOptions()),
                micro, driver.results(), driver.readiness());

        Path findings = Path.of("benchmarks", "findings.md");
        String findingsText = Files.exists(findings) ? Files.readString(findings) : "";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, MarkdownReport.render(report, findingsText, CHART));
        Files.writeString(out.toAbsolutePath().getParent().resolve(CHART), SvgChart.render(report));
        say(String.format(Locale.ROOT, "wrote %s in %.1f minutes", out, minutes));
        for (Verdict verdict : Budgets.judge(report)) {
            say(verdict.status().text().replace("*", "") + ": " + verdict.budget() + ": " + verdict.measured());
        }
    }

    private static String option(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }

    private static List<MicroResult> micro(boolean quick) throws RunnerException {
        say("micro-benchmarks (JMH)");
        List<MicroResult> results = new ArrayList<>();
        ChainedOptionsBuilder fast = new OptionsBuilder()
                .include(RequestPathBenchmark.class.getName()).include(ClaimsBenchmark.class.getName())
                .forks(1).warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 2).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m").verbosity(VerboseMode.SILENT);
        collect(new Runner(fast.build()).run(), results);
        ChainedOptionsBuilder slow = new OptionsBuilder()
                .include(PasswordBenchmark.class.getName())
                .forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 2).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx512m").verbosity(VerboseMode.SILENT);
        collect(new Runner(slow.build()).run(), results);
        return results;
    }

    private static void collect(Collection<RunResult> runs, List<MicroResult> into) {
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            for (String key : run.getParams().getParamsKeys()) {
                name += " (" + key + " " + run.getParams().getParam(key) + ")";
            }
            MicroResult result = new MicroResult(name, run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError(),
                    run.getPrimaryResult().getScoreUnit());
            into.add(result);
            say(String.format(Locale.ROOT, "  %s: %.3f %s", result.benchmark(), result.score(), result.unit()));
        }
    }

    private static void say(String line) {
        System.out.println(OffsetDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + line);
    }
}
