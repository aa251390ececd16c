package io.gatehouse.application.port.out.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of text for values kept between requests: a format version, then each field URL-encoded, separated by
 * spaces. An absent value is an empty field.
 */
final class StoredForm {

    private StoredForm() {
    }

    static String write(String version, List<Optional<String>> fields) {
        StringBuilder line = new StringBuilder(version);
        fields.forEach(field -> line.append(' ').append(URLEncoder.encode(field.orElse(""), StandardCharsets.UTF_8)));
        return line.toString();
    }

    /** The fields, empty ones as absent; empty when the line is not of this version and size. */
    static Optional<List<Optional<String>>> read(String stored, String version, int fieldCount) {
        String[] parts = stored.split(" ", -1);
        if (parts.length != fieldCount + 1 || !parts[0].equals(version)) {
            return Optional.empty();
        }
        try {
            List<Optional<String>> fields = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String value = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
                fields.add(value.isEmpty() ? Optional.empty() : Optional.of(value));
            }
            return Optional.of(fields);
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
    }
}
