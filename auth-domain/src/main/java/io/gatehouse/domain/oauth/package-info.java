/**
 * Single sign-on policy: how an identity provider's claims become an account, a role and groups (Open WebUI §7.4–7.7),
 * with the safety Open WebUI lacks: role management can fail closed, and accounts merge by e-mail only when the
 * provider verified it.
 */
package io.gatehouse.domain.oauth;
