/** The standalone server as the load driver starts it: a process of its own, plus the baseline routes. */
package io.gatehouse.benchmarks.server;
