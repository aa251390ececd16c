/**
 * Session tokens: what a token says ({@link io.gatehouse.domain.token.TokenClaims}), how long it lives
 * ({@link io.gatehouse.domain.token.TokenLifetime}) and its encoded form
 * ({@link io.gatehouse.domain.token.EncodedToken}).
 */
package io.gatehouse.domain.token;
