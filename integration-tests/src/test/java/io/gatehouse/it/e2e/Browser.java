package io.gatehouse.it.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A user's browser in a single sign-on: it follows each redirect by hand, carrying the login cookie. */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    HttpResponse<String> postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Login button, provider, callback: the callback's answer. {@code tamperWithCallback} may change the URL the
     * provider sends the browser back to.
     */
    HttpResponse<String> signIn(String server, String provider, UnaryOperator<String> tamperWithCallback) {
        HttpResponse<String> start = get(server + "/oauth/" + provider + "/login", null);
        assertEquals(302, start.statusCode(), start.body());
        String loginCookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> atProvider = get(start.headers().firstValue("Location").orElseThrow(), null);
        assertEquals(302, atProvider.statusCode(), atProvider.body());
        return get(tamperWithCallback.apply(atProvider.headers().firstValue("Location").orElseThrow()), loginCookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }
}
