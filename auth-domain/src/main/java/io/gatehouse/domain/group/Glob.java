package io.gatehouse.domain.group;

import java.util.regex.Pattern;

/** Shell glob to regular expression, as Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [...]}, {@code [!...]}. */
final class Glob {

    private Glob() {
    }

    static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = closingBracket(glob, i);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(glob.substring(i, end)));
                    i = end + 1;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Index of the {@code ]} closing a class that starts at {@code start}; a leading {@code !} or {@code ]} is literal. */
    private static int closingBracket(String glob, int start) {
        int j = start;
        if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        while (j < glob.length() && glob.charAt(j) != ']') {
            j++;
        }
        return j < glob.length() ? j : -1;
    }

    private static String characterClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int k = 0;
        if (body.startsWith("!")) {
            out.append('^');
            k = 1;
        }
        for (; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\' || c == '[' || c == '&' || c == '^' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(']').toString();
    }
}
