/**
 * The composition root: {@link io.gatehouse.bootstrap.Gatehouse} and its builder for applications that embed
 * Gatehouse, the standalone server and its configuration from the environment. The only main-code package that
 * names adapter classes.
 */
package io.gatehouse.bootstrap;
