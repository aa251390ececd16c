package io.gatehouse.domain.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token is for. Every token carries its type, and each verifier accepts only its own, so that no kind of
 * token can be replayed as another (Open WebUI signs all its token kinds alike).
 */
public enum TokenType {
    /** Signs a user in: the {@code token} cookie and the bearer token of Open WebUI's API. */
    SESSION("session");

    private final String claimValue;

    TokenType(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value of the token's {@code typ} claim. */
    public String claimValue() {
        return claimValue;
    }

    public static Optional<TokenType> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(type -> type.claimValue.equals(value)).findFirst();
    }
}
