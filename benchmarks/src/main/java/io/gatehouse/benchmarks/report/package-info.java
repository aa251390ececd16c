/** The results of a run and the page that shows them: tables, budget verdicts and a chart. */
package io.gatehouse.benchmarks.report;
