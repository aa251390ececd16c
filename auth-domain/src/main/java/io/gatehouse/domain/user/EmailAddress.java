package io.gatehouse.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail address in its one canonical form: trimmed and lower-cased, so that {@code Ann@Example.org} and
 * {@code ann@example.org} are the same account everywhere (lookups, uniqueness, rate-limit keys).
 *
 * <p>Accepted shapes follow Open WebUI: anything of the form {@code local@domain.tld}, or {@code local@localhost}.
 * Unlike Open WebUI the whole string must match, not only its beginning.
 */
public record EmailAddress(String value) {

    /** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical e-mail address");
        }
    }

    /** Normalises and validates user input; empty when it is not an e-mail address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = normalise(raw);
        return isCanonical(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
    }

    /** Like {@link #parse} for input that must be valid (configuration, tests). */
    public static EmailAddress of(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException("not an e-mail address: " + raw));
    }

    /** The canonical form of any string, valid address or not: what rate-limit keys are built from. */
    public static String normalise(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isCanonical(String candidate) {
        return candidate.length() <= MAX_LENGTH
                && candidate.equals(normalise(candidate))
                && hasShape(candidate);
    }

    /**
     * {@code local@domain.tld} or {@code local@localhost}, neither part holding an {@code @}, a space or a control
     * character. Checked in one pass rather than by a regular expression: every authenticated request reads an account.
     */
    private static boolean hasShape(String candidate) {
        int at = candidate.indexOf('@');
        if (at <= 0 || candidate.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c == '\u007f') {
                return false;
            }
        }
        String domain = candidate.substring(at + 1);
        int dot = domain.indexOf('.', 1);
        return domain.equals("localhost") || (dot > 0 && dot < domain.length() - 1);
    }

    /** The part after the last {@code @}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
