/**
 * The HTTP load driver: fixed-duration, closed-loop scenarios over keep-alive connections to 127.0.0.1, against a
 * server process the driver starts, reads ({@code /proc}) and stops by its process id.
 */
package io.gatehouse.benchmarks.load;
