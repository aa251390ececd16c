/**
 * API keys ({@code sk-...}): the secret shown once ({@link io.gatehouse.domain.apikey.ApiKeySecret}), and what is
 * stored instead of it ({@link io.gatehouse.domain.apikey.ApiKey} with its digest and a hint for display).
 */
package io.gatehouse.domain.apikey;
