package io.gatehouse.benchmarks.report;

/** How long a server took from its process's start to its first successful {@code GET /api/config}. */
public record Readiness(String what, double seconds) {
}
