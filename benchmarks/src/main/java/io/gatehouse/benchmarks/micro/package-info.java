/**
 * JMH micro-benchmarks: what one request costs inside Gatehouse, without HTTP. The stores are the in-memory fakes of
 * auth-application's test-jar, so the numbers are Gatehouse's own work, not a database's.
 */
package io.gatehouse.benchmarks.micro;
