package io.gatehouse.domain.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which profile picture URLs an account may carry (Open WebUI's {@code validate_profile_image_url}): empty, one of
 * the bundled pictures, the user's own picture route, an http(s) URL with a host, or a base64 data URI of a
 * PNG, JPEG, GIF or WebP image no longer than {@code maxDataUriLength} characters.
 */
public record ProfileImagePolicy(int maxDataUriLength) {

    private static final Set<String> BUNDLED = Set.of("/user.png", "/favicon.png", "/static/favicon.png");
    private static final Pattern OWN_PICTURE_ROUTE = Pattern.compile("/api/v1/users/[A-Za-z0-9_-]{1,64}/profile/image");
    private static final Pattern DATA_URI = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*");

    public ProfileImagePolicy {
        if (maxDataUriLength < 0) {
            throw new IllegalArgumentException("maxDataUriLength must not be negative");
        }
    }

    public boolean allows(String url) {
        if (url == null) {
            return false;
        }
        if (url.isEmpty() || BUNDLED.contains(url) || OWN_PICTURE_ROUTE.matcher(url).matches()) {
            return true;
        }
        if (url.startsWith("data:")) {
            return url.length() <= maxDataUriLength && DATA_URI.matcher(url).matches();
        }
        return isWebUrlWithHost(url);
    }

    private static boolean isWebUrlWithHost(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }
}
