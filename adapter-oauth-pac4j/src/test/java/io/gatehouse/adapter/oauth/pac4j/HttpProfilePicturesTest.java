package io.gatehouse.adapter.oauth.pac4j;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile pictures from a picture server on 127.0.0.1, which only a fetcher allowed private addresses may reach. */
class HttpProfilePicturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final byte[] SVG = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpProfilePictures allowed = new HttpProfilePictures(Duration.ofSeconds(2), 64, true);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/me.png", 200, "image/png", PNG);
        serve("/me.svg", 200, "image/png", SVG);
        serve("/big.png", 200, "image/png", Arrays.copyOf(PNG, 65));
        serve("/gone.png", 404, "text/plain", new byte[0]);
        server.createContext("/photo", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            boolean mine = "Bearer access-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(mine ? 200 : 401, mine ? PNG.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(mine ? PNG : new byte[0]);
            }
        });
        server.createContext("/moved.png", exchange -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    private void serve(String path, int status, String type, byte[] body) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aSmallImageBecomesADataUri() {
        assertEquals(Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)),
                allowed.fetch(url("/me.png")));
    }

    @Test
    void aProvidersPictureEndpointIsAskedWithTheBearerTokenUnderTheSameLimits() {
        assertEquals(Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)),
                allowed.fetch(url("/photo"), "access-1"));
        assertEquals(Optional.empty(), allowed.fetch(url("/photo"), "someone-elses"), "a refusal is no picture");
        assertEquals(Optional.empty(), allowed.fetch(url("/moved.png"), "access-1"), "redirects are not followed");
        assertEquals(Optional.empty(), allowed.fetch(url("/photo")));
        assertEquals(java.util.List.of("Bearer access-1", "Bearer someone-elses", "Bearer access-1", "null"),
                authorizations, "the token went only to the address asked, and only when given");
        assertEquals(Optional.empty(), new HttpProfilePictures(Duration.ofSeconds(2), 64, false)
                .fetch(url("/photo"), "access-1"), "private addresses stay out of reach");
        assertEquals(4, authorizations.size());
    }

    @Test
    void whatIsNotAnImageTooLargeMissingOrElsewhereIsNotKept() {
        assertEquals(Optional.empty(), allowed.fetch(url("/me.svg")), "typed by its bytes, not by its header");
        assertEquals(Optional.empty(), allowed.fetch(url("/big.png")));
        assertEquals(Optional.empty(), allowed.fetch(url("/gone.png")));
        assertEquals(Optional.empty(), allowed.fetch(url("/moved.png")), "redirects are not followed");
        assertEquals(Optional.empty(), allowed.fetch(URI.create("http://nonexistent.invalid/me.png")));
    }

    @Test
    void privateAddressesAreNeverAskedUnlessAllowed() {
        HttpProfilePictures guarded = new HttpProfilePictures(Duration.ofSeconds(2), 64, false);

        assertEquals(Optional.empty(), guarded.fetch(url("/me.png")));
        assertEquals(Optional.empty(), guarded.fetch(URI.create("http://localhost:" + server.getAddress().getPort()
                + "/me.png")));
        assertEquals(0, requests.get(), "the picture server was never reached");
    }

    @Test
    void imageTypesAreKnownByTheirFirstBytes() {
        assertEquals(Optional.of("image/jpeg"), HttpProfilePictures.imageType(new byte[]{(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, 0}));
        assertEquals(Optional.of("image/webp"), HttpProfilePictures.imageType("RIFF0000WEBPVP8 "
                .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(HttpProfilePictures.imageType(new byte[]{'G', 'I', 'F', '8', '9', 'a'}).isPresent());
        assertEquals(Optional.empty(), HttpProfilePictures.imageType(new byte[]{'<', 's', 'v', 'g'}));
    }
}
