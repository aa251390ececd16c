package io.gatehouse.adapter.oauth.pac4j;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The user's browser: follows the authorization URL and reads the parameters the provider redirects back with. */
final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Browser() {
    }

    /** GETs the authorization URL and answers the query of the redirect it gets back. */
    static Map<String, String> authorize(URI authorizationUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new AssertionError("the provider answered " + response.statusCode() + ": " + response.body());
            }
            return query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError(failure);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
