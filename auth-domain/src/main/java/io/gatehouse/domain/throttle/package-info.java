/**
 * Sign-in throttling: the limits that stop password guessing without letting anyone lock a user out
 * ({@link io.gatehouse.domain.throttle.SignInLimits}), and the client address they are counted per.
 */
package io.gatehouse.domain.throttle;
