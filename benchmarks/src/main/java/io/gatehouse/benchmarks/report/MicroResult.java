package io.gatehouse.benchmarks.report;

/** One JMH benchmark's score: the mean time per operation and its 99.9 % confidence half-width. */
public record MicroResult(String benchmark, double score, double error, String unit) {
}
