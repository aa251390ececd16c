package io.gatehouse.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to a port of 127.0.0.1, written for the driver: a request is bytes prepared in
 * advance, an answer is its status (and its body when asked). Blocking sockets and no library keep the driver's own
 * cost per request small and the same for every scenario. Not thread-safe: one per virtual user.
 */
final class HttpConnection implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] line = new byte[8192];
    private boolean closedByServer;

    HttpConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    /** The answer's status; its body is read and dropped. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, null);
    }

    /** The answer's status, with its body copied into {@code body} when that is not null. */
    int exchange(byte[] request, ByteArrayOutputStream body) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon);
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closedByServer = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16); size > 0;
                 size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16)) {
                copy(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (contentLength >= 0) {
            copy(contentLength, body);
        } else {
            closedByServer = true;
            copy(Long.MAX_VALUE, body);
        }
        return status;
    }

    /** Whether the server said it closes the connection: the caller opens a new one. */
    boolean closedByServer() {
        return closedByServer;
    }

    private void copy(long length, ByteArrayOutputStream body) throws IOException {
        long left = length;
        while (left > 0) {
            int read = in.read(line, 0, (int) Math.min(line.length, left));
            if (read < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("the answer ended early");
            }
            if (body != null) {
                body.write(line, 0, read);
            }
            left -= read;
        }
    }

    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the connection closed");
            }
            if (next == '\n') {
                break;
            }
            if (length == line.length) {
                throw new IOException("header line too long");
            }
            line[length++] = (byte) next;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
