package io.gatehouse.application.port.out;

import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;

import java.util.Optional;

/** Signs and verifies session tokens. */
public interface TokenCodec {

    EncodedToken encode(TokenClaims claims);

    /**
     * The claims of a token that is well formed, signed with our key by an allowed algorithm, of the expected type,
     * and not expired; empty for anything else. Never throws on bad input.
     */
    Optional<TokenClaims> decode(String presented, TokenType expectedType);
}
