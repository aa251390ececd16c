package io.gatehouse.domain.token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long session tokens live, written as Open WebUI's {@code JWT_EXPIRES_IN} (§2.2): {@code -1} or {@code 0} for
 * tokens that never expire, otherwise the sum of every {@code <number><unit>} pair in the text, units {@code ms},
 * {@code s}, {@code m}, {@code h}, {@code d}, {@code w} ({@code 4w}, {@code 1h30m}, {@code 1.5d}). Negative amounts are
 * accepted, as Open WebUI accepts them: such tokens are born expired. Amounts beyond a hundred years either way are
 * refused: no token needs them, and they would overflow the clock.
 */
public record TokenLifetime(String text, Optional<Duration> duration) {

    private static final Pattern PAIR = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");
    /** What Open WebUI's admin form accepts: one pair only. */
    private static final Duration LONGEST = Duration.ofDays(36_525);
    private static final Pattern SINGLE_PAIR = Pattern.compile("-1|0|-?\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w)");

    public TokenLifetime {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(duration, "duration");
    }

    /** Open WebUI's default: four weeks. */
    public static TokenLifetime defaultLifetime() {
        return parse("4w").orElseThrow();
    }

    /** Parses the environment form; empty when the text holds no pair. */
    public static Optional<TokenLifetime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.equals("-1") || trimmed.equals("0")) {
            return Optional.of(new TokenLifetime(trimmed, Optional.empty()));
        }
        Matcher matcher = PAIR.matcher(trimmed);
        long totalMillis = 0;
        boolean found = false;
        try {
            while (matcher.find()) {
                found = true;
                totalMillis = Math.addExact(totalMillis, toMillis(matcher.group(1), matcher.group(2)));
            }
        } catch (ArithmeticException beyondAnyClock) {
            return Optional.empty();
        }
        Duration total = Duration.ofMillis(totalMillis);
        if (!found || total.abs().compareTo(LONGEST) > 0) {
            return Optional.empty();
        }
        return Optional.of(new TokenLifetime(trimmed, Optional.of(total)));
    }

    /** Parses the admin form, which takes exactly one pair (or {@code -1}/{@code 0}). */
    public static Optional<TokenLifetime> parseSingle(String text) {
        if (text == null || !SINGLE_PAIR.matcher(text).matches()) {
            return Optional.empty();
        }
        return parse(text);
    }

    private static long toMillis(String amount, String unit) {
        long unitMillis;
        switch (unit) {
            case "ms": unitMillis = 1L; break;
            case "s": unitMillis = 1_000L; break;
            case "m": unitMillis = 60_000L; break;
            case "h": unitMillis = 3_600_000L; break;
            case "d": unitMillis = 86_400_000L; break;
            case "w": unitMillis = 604_800_000L; break;
            default: throw new IllegalStateException("unit " + unit);
        }
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(unitMillis))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    public boolean neverExpires() {
        return duration.isEmpty();
    }

    /** When a token issued at {@code issuedAt} expires; empty for tokens that never expire. */
    public Optional<Instant> expiryFrom(Instant issuedAt) {
        return duration.map(issuedAt::plus);
    }

    @Override
    public String toString() {
        return text;
    }
}
