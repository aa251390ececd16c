package io.gatehouse.it.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Speaks JSON to a running server. */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Client(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    Answer post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer send(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** An answer and its JSON body. */
    static final class Answer {
        final int status;
        final String body;
        final HttpResponse<String> raw;

        Answer(HttpResponse<String> raw) {
            this.raw = raw;
            this.status = raw.statusCode();
            this.body = raw.body();
        }

        Object json() {
            try {
                return JSON.readValue(body, Object.class);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }

        Object field(String name) {
            Object json = json();
            if (!(json instanceof Map)) {
                throw new AssertionError("not a JSON object: " + body);
            }
            return ((Map<?, ?>) json).get(name);
        }

        String detail() {
            return String.valueOf(field("detail"));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
