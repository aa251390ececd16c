package io.gatehouse.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code DATABASE_URL} in any of the forms people bring from Open WebUI: {@code postgresql://user:password@host:port/db}
 * (or {@code postgres://}), a JDBC URL, or an embedded file database written {@code h2:<path>} or
 * {@code sqlite:///<path>} (stored with H2: Gatehouse does not read SQLite files).
 */
record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    /** H2 options for the embedded file database: closed by us, not by a JVM hook; account creation waits for its lock. */
    static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    static DatabaseUrl embeddedIn(Path dataDir) {
        return h2File(dataDir.resolve("gatehouse"));
    }

    static Optional<DatabaseUrl> parse(String url) {
        if (url.startsWith("jdbc:")) {
            return Optional.of(new DatabaseUrl(url, Optional.empty(), Optional.empty()));
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return postgres(url);
        }
        if (url.startsWith("h2:")) {
            return Optional.of(h2File(Path.of(url.substring("h2:".length()))));
        }
        if (url.startsWith("sqlite:///")) {
            String file = url.substring("sqlite:///".length());
            return Optional.of(h2File(Path.of(file.endsWith(".db") ? file.substring(0, file.length() - 3) : file)));
        }
        return Optional.empty();
    }

    private static DatabaseUrl h2File(Path path) {
        return new DatabaseUrl("jdbc:h2:file:" + path.toAbsolutePath().normalize() + H2_OPTIONS, Optional.empty(),
                Optional.empty());
    }

    private static Optional<DatabaseUrl> postgres(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                return Optional.empty();
            }
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return Optional.of(new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query,
                    user, password));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + ", user=" + user.orElse("-") + "]";
    }
}
