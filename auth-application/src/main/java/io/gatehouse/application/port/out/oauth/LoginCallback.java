package io.gatehouse.application.port.out.oauth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters a provider sent back to the redirect URI, as the HTTP edge read them (query string, or form body
 * with {@code response_mode=form_post}).
 *
 * @param code             the authorization code
 * @param state            the {@code state} echoed by the provider
 * @param error            the provider's error code ({@code access_denied} ...) when it refused
 * @param errorDescription the provider's human-readable text about that error
 * @param issuer           the {@code iss} parameter of RFC 9207 (mix-up defence), when the provider sends it
 */
public record LoginCallback(Optional<String> code, Optional<String> state, Optional<String> error,
                            Optional<String> errorDescription, Optional<String> issuer) {

    public LoginCallback {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorDescription, "errorDescription");
        Objects.requireNonNull(issuer, "issuer");
    }

    /** The callback from request parameters by their OAuth names; blank values count as absent. */
    public static LoginCallback fromParameters(Map<String, String> parameters) {
        return new LoginCallback(parameter(parameters, "code"), parameter(parameters, "state"),
                parameter(parameters, "error"), parameter(parameters, "error_description"),
                parameter(parameters, "iss"));
    }

    private static Optional<String> parameter(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isBlank());
    }

    /** Never shows the code, which could still be redeemed. */
    @Override
    public String toString() {
        return "LoginCallback[code=" + (code.isPresent() ? "(present)" : "(absent)") + ", error=" + error.orElse("")
                + "]";
    }
}
