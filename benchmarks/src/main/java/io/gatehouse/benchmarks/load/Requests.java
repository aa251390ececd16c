package io.gatehouse.benchmarks.load;

import java.nio.charset.StandardCharsets;

/** HTTP/1.1 requests as the bytes a {@link HttpConnection} sends. */
final class Requests {

    private Requests() {
    }

    /** @param headers name, value, name, value... */
    static byte[] get(String path, String... headers) {
        return (head("GET", path, headers) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A POST with a JSON body. */
    static byte[] postJson(String path, String json, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = head("POST", path, headers) + "Content-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return head.toString();
    }

    /** A JSON string literal; the driver's own texts only need quotes and backslashes escaped. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
