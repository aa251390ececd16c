package io.gatehouse.benchmarks.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's HTTP client against canned answers from a socket, so the framing is tested without any server. */
class HttpConnectionTest {

    private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private Thread server;

    HttpConnectionTest() throws IOException {
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        if (server != null) {
            server.join();
        }
    }

    /** Answers each request (up to its blank line) with the next canned answer. */
    private void answer(String... answers) {
        server = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (String answer : answers) {
                    int matched = 0;
                    while (matched < 4) {
                        int next = in.read();
                        matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
                    }
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException ignored) {
                // the test has what it needs
            }
        });
        server.start();
    }

    @Test
    void readsLengthAndChunkedBodiesOnOneConnection() throws IOException {
        answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\nRetry-After: 1\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        try (HttpConnection connection = new HttpConnection(listener.getLocalPort())) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();

            assertEquals(200, connection.exchange(Requests.get("/"), body));
            assertEquals("hello", body.toString(StandardCharsets.UTF_8));
            body.reset();
            assertEquals(429, connection.exchange(Requests.get("/"), body));
            assertEquals("abcde", body.toString(StandardCharsets.UTF_8));
            assertFalse(connection.closedByServer());
            assertEquals(503, connection.exchange(Requests.postJson("/", "{}")));
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void requestsCarryTheirHeadersAndAnExactLength() {
        String request = new String(Requests.postJson("/api/v1/auths/signin", "{\"e\":\"é\"}", "X-Forwarded-For", "10.0.0.1"),
                StandardCharsets.UTF_8);

        assertTrue(request.startsWith("POST /api/v1/auths/signin HTTP/1.1\r\nHost: 127.0.0.1\r\n"), request);
        assertTrue(request.contains("X-Forwarded-For: 10.0.0.1\r\n"), request);
        assertTrue(request.contains("Content-Length: 10\r\n"), "é is two bytes: " + request);
        assertTrue(request.endsWith("\r\n\r\n{\"e\":\"é\"}"), request);
        assertEquals("\"a \\\"b\\\" \\\\c\"", Requests.quote("a \"b\" \\c"));
    }
}
