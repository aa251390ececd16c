package io.gatehouse.adapter.http.javalin;

import java.util.Objects;
import java.util.Optional;

/**
 * The headers a reverse proxy names the authenticated user in (Open WebUI §8.1). They are read only from the proxies
 * of {@code TRUSTED_PROXY_CIDRS}; from anyone else they are ignored.
 *
 * @param email  {@code WEBUI_AUTH_TRUSTED_EMAIL_HEADER}: turns the mode on
 * @param name   {@code WEBUI_AUTH_TRUSTED_NAME_HEADER}, URL-encoded UTF-8
 * @param groups {@code WEBUI_AUTH_TRUSTED_GROUPS_HEADER}, comma-separated group names
 * @param role   {@code WEBUI_AUTH_TRUSTED_ROLE_HEADER}: {@code admin}, {@code user} or {@code pending}
 */
public record TrustedHeaders(String email, Optional<String> name, Optional<String> groups, Optional<String> role) {

    public TrustedHeaders {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(role, "role");
        if (email.isBlank()) {
            throw new IllegalArgumentException("the e-mail header has a name");
        }
    }
}
