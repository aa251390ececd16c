package io.gatehouse.domain.credential;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a new password must meet (Open WebUI §4.2–4.3, plus a minimum length):
 * <ul>
 *   <li>at most 72 UTF-8 bytes, because bcrypt would silently ignore the rest;</li>
 *   <li>at least {@code minimumCharacters} characters;</li>
 *   <li>when a pattern is set, it must match from the first character (Python's {@code re.match}).</li>
 * </ul>
 * The policy applies where a password is chosen (sign-up, password change, admin creation); never at sign-in.
 */
public record PasswordPolicy(int minimumCharacters, Optional<Pattern> pattern, String hint) {

    /** bcrypt's input limit. */
    public static final int MAX_UTF8_BYTES = 72;

    /** Open WebUI's default pattern: 8+ characters with a lower-case letter, an upper-case letter, a digit and a symbol. */
    public static final String DEFAULT_PATTERN = "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^\\w\\s]).{8,}$";

    public PasswordPolicy {
        if (minimumCharacters < 1 || minimumCharacters > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("the minimum length is between 1 and " + MAX_UTF8_BYTES);
        }
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(hint, "hint");
    }

    /** Length rules only, no pattern. */
    public static PasswordPolicy lengthOnly(int minimumCharacters) {
        return new PasswordPolicy(minimumCharacters, Optional.empty(), "");
    }

    public PasswordCheck check(PlainPassword password) {
        if (password.utf8Length() > MAX_UTF8_BYTES) {
            return PasswordCheck.TOO_LONG;
        }
        if (password.characterCount() < minimumCharacters) {
            return PasswordCheck.TOO_SHORT;
        }
        if (pattern.isPresent() && !pattern.get().matcher(password.reveal()).lookingAt()) {
            return PasswordCheck.PATTERN_MISMATCH;
        }
        return PasswordCheck.ACCEPTABLE;
    }

    /** The outcome of {@link #check}. */
    public enum PasswordCheck {
        ACCEPTABLE,
        TOO_LONG,
        TOO_SHORT,
        PATTERN_MISMATCH;

        public boolean isAcceptable() {
            return this == ACCEPTABLE;
        }
    }
}
