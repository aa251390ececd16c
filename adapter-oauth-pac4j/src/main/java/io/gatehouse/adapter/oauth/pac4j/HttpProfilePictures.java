package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.application.port.out.ProfilePictures;
import io.gatehouse.domain.net.PublicAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile pictures over plain HTTP. The host must resolve to public addresses only (unless private ones are allowed,
 * for tests and closed networks), redirects are not followed (they could lead inside), at most {@code maxBytes} are
 * read, and the body must be a PNG, JPEG, GIF or WebP by its first bytes, whatever the server calls it: SVG, which
 * can carry script, never passes. No credential is sent, except the user's access token to a provider's own picture
 * endpoint (Microsoft Graph), whose address is configuration. Thread-safe.
 */
public final class HttpProfilePictures implements ProfilePictures {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProfilePictures.class);

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean allowPrivateAddresses;

    public HttpProfilePictures(Duration timeout, int maxBytes, boolean allowPrivateAddresses) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    @Override
    public Optional<String> fetch(URI url) {
        return fetch(url, Optional.empty());
    }

    @Override
    public Optional<String> fetch(URI url, String accessToken) {
        return fetch(url, Optional.of(accessToken));
    }

    private Optional<String> fetch(URI url, Optional<String> bearer) {
        try {
            if (!allowPrivateAddresses && !PublicAddresses.allPublic(List.of(InetAddress.getAllByName(url.getHost())))) {
                LOG.warn("A profile picture at a private address was not fetched");
                return Optional.empty();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
            bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    LOG.info("A profile picture larger than {} bytes was not kept", maxBytes);
                    return Optional.empty();
                }
                return imageType(bytes).map(type -> "data:" + type + ";base64,"
                        + Base64.getEncoder().encodeToString(bytes));
            }
        } catch (UnknownHostException | IllegalArgumentException unusable) {
            return Optional.empty();
        } catch (IOException unreachable) {
            LOG.info("A profile picture could not be fetched ({})", unreachable.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static final Map<String, int[]> SIGNATURES = Map.of(
            "image/png", new int[]{0x89, 'P', 'N', 'G'},
            "image/jpeg", new int[]{0xFF, 0xD8, 0xFF},
            "image/gif", new int[]{'G', 'I', 'F', '8'});

    /** The image type by its first bytes; WebP is {@code RIFF....WEBP}. */
    static Optional<String> imageType(byte[] bytes) {
        for (Map.Entry<String, int[]> signature : SIGNATURES.entrySet()) {
            if (startsWith(bytes, 0, signature.getValue())) {
                return Optional.of(signature.getKey());
            }
        }
        if (startsWith(bytes, 0, new int[]{'R', 'I', 'F', 'F'}) && startsWith(bytes, 8, new int[]{'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int[] expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

}
