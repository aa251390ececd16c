package io.gatehouse.domain.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Group names that identity-provider sync must never touch (Open WebUI's {@code is_in_blocked_groups}). A name is
 * blocked when, for some non-empty pattern:
 * <ol>
 *   <li>it equals the pattern exactly; or</li>
 *   <li>the pattern contains a regex character ({@code ^ $ [ ] ( ) { } + \ |}), compiles, and is found anywhere in
 *       the name (an unanchored search); or</li>
 *   <li>the pattern contains {@code *} or {@code ?} and matches the whole name as a shell glob (case-sensitive,
 *       {@code [...]} and {@code [!...]} classes as Python's {@code fnmatch}).</li>
 * </ol>
 * A pattern that looks like a regex but does not compile falls through to the glob test. Patterns are compiled once.
 */
public final class BlockedGroupPatterns {

    private static final Pattern REGEX_MARKERS = Pattern.compile("[\\^$\\[\\](){}+\\\\|]");
    private static final BlockedGroupPatterns NONE = new BlockedGroupPatterns(List.of());

    private final List<CompiledPattern> patterns;

    private BlockedGroupPatterns(List<String> patterns) {
        this.patterns = patterns.stream()
                .filter(Objects::nonNull)
                .filter(pattern -> !pattern.isEmpty())
                .map(CompiledPattern::compile)
                .collect(Collectors.toUnmodifiableList());
    }

    public static BlockedGroupPatterns of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new BlockedGroupPatterns(patterns);
    }

    public static BlockedGroupPatterns none() {
        return NONE;
    }

    public boolean isBlocked(String groupName) {
        for (CompiledPattern pattern : patterns) {
            if (pattern.matches(groupName)) {
                return true;
            }
        }
        return false;
    }

    /** Patterns that look like regular expressions but do not compile: worth a warning in the log at start. */
    public List<String> invalidRegexPatterns() {
        return patterns.stream().filter(CompiledPattern::isInvalidRegex).map(CompiledPattern::text)
                .collect(Collectors.toUnmodifiableList());
    }

    public List<String> patterns() {
        return patterns.stream().map(CompiledPattern::text).collect(Collectors.toUnmodifiableList());
    }

    private static final class CompiledPattern {
        private final String text;
        private final Optional<Pattern> regex;
        private final boolean invalidRegex;
        private final Optional<Pattern> glob;

        private CompiledPattern(String text, Optional<Pattern> regex, boolean invalidRegex, Optional<Pattern> glob) {
            this.text = text;
            this.regex = regex;
            this.invalidRegex = invalidRegex;
            this.glob = glob;
        }

        static CompiledPattern compile(String text) {
            Optional<Pattern> regex = Optional.empty();
            boolean invalid = false;
            if (REGEX_MARKERS.matcher(text).find()) {
                try {
                    regex = Optional.of(Pattern.compile(text));
                } catch (PatternSyntaxException notARegex) {
                    invalid = true;
                }
            }
            Optional<Pattern> glob = text.indexOf('*') >= 0 || text.indexOf('?') >= 0
                    ? Optional.of(Glob.toRegex(text)) : Optional.empty();
            return new CompiledPattern(text, regex, invalid, glob);
        }

        boolean matches(String name) {
            return name.equals(text)
                    || regex.map(pattern -> pattern.matcher(name).find()).orElse(false)
                    || glob.map(pattern -> pattern.matcher(name).matches()).orElse(false);
        }

        String text() {
            return text;
        }

        boolean isInvalidRegex() {
            return invalidRegex;
        }
    }
}
