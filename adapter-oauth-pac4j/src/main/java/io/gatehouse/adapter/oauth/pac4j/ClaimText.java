package io.gatehouse.adapter.oauth.pac4j;

import java.math.BigDecimal;
import java.util.Optional;

/** A claim read as an identifier: text, or a whole number as providers like GitHub send their ids. */
final class ClaimText {

    private ClaimText() {
    }

    static Optional<String> of(Object claim) {
        if (claim instanceof String text) {
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        if (claim instanceof Number number) {
            // JSON numbers arrive as Long or Double; 12345 must not become "12345.0"
            return Optional.of(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }
}
