package io.gatehouse.application.port.out.oauth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A user as an identity provider vouched for them at login.
 *
 * @param provider the provider's id
 * @param subject  the provider's identifier for the user (the provider's subject claim: {@code sub}, GitHub's
 *                 {@code id}, Feishu's {@code user_id}, or the configured one)
 * @param claims   everything the provider said about the user: the id_token's claims with the user information
 *                 endpoint's answer over them (on a conflict the user information wins; claims only the id_token has
 *                 are kept). Values are JSON-like: {@code String}, {@code Number}, {@code Boolean}, {@code List} and
 *                 {@code Map} (nested claims such as {@code realm_access.roles} stay nested); claims whose value is
 *                 JSON {@code null} are left out. Unmodifiable.
 * @param tokens   the provider's tokens, for calling its APIs, refreshing, and logging out
 */
public record ExternalIdentity(String provider, String subject, Map<String, Object> claims, ProviderTokens tokens) {

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tokens, "tokens");
        Map<String, Object> present = new LinkedHashMap<>(claims);
        present.values().removeIf(Objects::isNull); // a JSON null says no more than an absent claim
        claims = Collections.unmodifiableMap(present);
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an external identity has a subject");
        }
    }

    /** The raw id_token, for {@code id_token_hint} at logout; OpenID providers only. */
    public Optional<String> idToken() {
        return tokens.idToken();
    }

    /** Claim names only: their values are personal data. */
    @Override
    public String toString() {
        return "ExternalIdentity[provider=" + provider + ", subject=" + subject + ", claims=" + new TreeSet<>(claims.keySet())
                + "]";
    }
}
