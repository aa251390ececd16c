package io.gatehouse.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * How long a server took from its process's start to its first successful {@code GET /api/config}, over one or more
 * starts: {@link #seconds()} is their median, as one start on a shared machine says as much about the neighbours.
 */
public record Readiness(String what, List<Double> samples) {

    public Readiness {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("at least one start");
        }
        samples = List.copyOf(samples);
    }

    public Readiness(String what, double seconds) {
        this(what, List.of(seconds));
    }

    /** The median start (of an even number, the slower of the middle two). */
    public double seconds() {
        double[] sorted = sorted();
        return sorted[sorted.length / 2];
    }

    /** The median, and with several starts how many and their range: "1.93 s (median of 3, 1.85–2.40 s)". */
    public String describe() {
        double[] sorted = sorted();
        String median = String.format(Locale.ROOT, "%.2f s", sorted[sorted.length / 2]);
        return sorted.length == 1 ? median : median + String.format(Locale.ROOT, " (median of %d, %.2f–%.2f s)",
                sorted.length, sorted[0], sorted[sorted.length - 1]);
    }

    private double[] sorted() {
        return samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
