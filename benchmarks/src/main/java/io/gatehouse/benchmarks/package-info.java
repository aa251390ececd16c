/**
 * Gatehouse's performance budget, measured: JMH micro-benchmarks of the hot paths ({@code micro}), an HTTP load
 * driver that runs the standalone server in a process of its own ({@code load}, {@code server}), and the page that
 * reports both ({@code report}). {@link io.gatehouse.benchmarks.RunBenchmarks} runs them all.
 */
package io.gatehouse.benchmarks;
