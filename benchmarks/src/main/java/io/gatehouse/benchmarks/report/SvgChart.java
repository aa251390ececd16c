package io.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Requests per second and p99 latency of every scenario, one bar per concurrency, both on log scales (they span five
 * decades, from a sign-in to the bare route). Plain SVG text: no library, renders wherever Markdown shows images.
 */
public final class SvgChart {

    private static final String[] COLOURS = {"#9ecae1", "#4292c6", "#2171b5", "#08306b", "#6a51a3", "#cb181d"};
    private static final List<String> SCENARIOS = List.of(Names.BARE, Names.JWT, Names.API_KEY, Names.RATE_LIMITED,
            Names.SIGNIN, Names.SIGNUP);
    private static final int LABELS = 250;
    private static final int PANEL = 330;
    private static final int GAP = 40;
    private static final int TOP = 70;
    private static final int BAR = 6;
    private static final int WIDTH = LABELS + 2 * PANEL + GAP + 30;

    private SvgChart() {
    }

    public static String render(RunReport report) {
        List<Integer> concurrencies = new ArrayList<>(report.scenarios().stream().map(ScenarioResult::concurrency)
                .filter(c -> report.scenarios().stream().anyMatch(r -> r.scenario().equals(Names.BARE) && r.concurrency() == c))
                .collect(Collectors.toCollection(TreeSet::new)));
        List<ScenarioResult> shown = report.scenarios().stream().filter(result -> SCENARIOS.contains(result.scenario())
                && (result.deployment().equals(Names.EMBEDDED) || result.deployment().equals(Names.POSTGRES_REDIS)))
                .collect(Collectors.toList());
        Axis throughput = Axis.over(shown, ScenarioResult::requestsPerSecond);
        Axis latency = Axis.over(shown, ScenarioResult::p99Ms);
        int rowHeight = Math.max(1, concurrencies.size()) * BAR + 8;

        StringBuilder body = new StringBuilder();
        int y = TOP;
        for (String deployment : List.of(Names.EMBEDDED, Names.POSTGRES_REDIS)) {
            if (shown.stream().noneMatch(result -> result.deployment().equals(deployment))) {
                continue;
            }
            body.append(text(10, y + 14, deployment, "font-weight=\"bold\""));
            y += 22;
            for (String scenario : SCENARIOS) {
                body.append(text(20, y + rowHeight / 2 + 4, scenario, ""));
                for (int i = 0; i < concurrencies.size(); i++) {
                    int concurrency = concurrencies.get(i);
                    int barY = y + 4 + i * BAR;
                    String colour = COLOURS[i % COLOURS.length];
                    report.find(deployment, scenario, concurrency).ifPresent(result -> {
                        bar(body, LABELS, barY, throughput.length(result.requestsPerSecond()), colour,
                                scenario + ", c=" + concurrency + ": " + MarkdownReport.number(result.requestsPerSecond()) + " req/s");
                        bar(body, LABELS + PANEL + GAP, barY, latency.length(result.p99Ms()), colour,
                                scenario + ", c=" + concurrency + ": p99 " + Budgets.ms(result.p99Ms()));
                    });
                }
                y += rowHeight;
            }
            y += 8;
        }
        int height = y + 50;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(text(LABELS, 20, "Requests per second (log scale, longer is better)", "font-weight=\"bold\""));
        svg.append(text(LABELS + PANEL + GAP, 20, "p99 latency (log scale, shorter is better)", "font-weight=\"bold\""));
        grid(svg, LABELS, throughput, "", TOP - 12, y);
        grid(svg, LABELS + PANEL + GAP, latency, " ms", TOP - 12, y);
        svg.append(body);
        int legendX = LABELS;
        for (int i = 0; i < concurrencies.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    legendX, y + 20, COLOURS[i % COLOURS.length]));
            svg.append(text(legendX + 16, y + 30, "concurrency " + concurrencies.get(i), ""));
            legendX += 120;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void grid(StringBuilder svg, int x0, Axis axis, String unit, int top, int bottom) {
        for (int decade = axis.lowDecade; decade <= axis.highDecade; decade++) {
            double x = x0 + axis.length(Math.pow(10, decade));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>%n",
                    x, top + 10, x, bottom));
            svg.append(text((int) x - 10, top + 4, label(decade) + unit, "fill=\"#555555\""));
        }
    }

    private static String label(int decade) {
        double value = Math.pow(10, decade);
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }

    private static void bar(StringBuilder svg, int x, int y, double length, String colour, String title) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                x, y, Math.max(1, length), BAR - 1, colour, escape(title)));
    }

    private static String text(int x, int y, String content, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A log-scale axis over whole decades that hold every positive value. */
    private static final class Axis {
        final int lowDecade;
        final int highDecade;

        private Axis(int lowDecade, int highDecade) {
            this.lowDecade = lowDecade;
            this.highDecade = Math.max(highDecade, lowDecade + 1);
        }

        static Axis over(List<ScenarioResult> results, ToDoubleFunction<ScenarioResult> value) {
            double low = results.stream().mapToDouble(value).filter(v -> v > 0).min().orElse(1);
            double high = results.stream().mapToDouble(value).filter(v -> v > 0).max().orElse(10);
            return new Axis((int) Math.floor(Math.log10(low)), (int) Math.ceil(Math.log10(high)));
        }

        double length(double value) {
            if (value <= 0) {
                return 0;
            }
            double position = (Math.log10(value) - lowDecade) / (highDecade - lowDecade);
            return Math.max(0, Math.min(1, position)) * PANEL;
        }
    }
}
