package io.gatehouse.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Gatehouse server in a JVM of its own, started with exactly the environment given (nothing inherited from the
 * driver's, so a stray {@code DATABASE_URL} cannot change what is measured), its output in a log file. It is ready
 * at the first successful {@code GET /api/config}. Stopped by its process id: SIGTERM, so it closes its database,
 * then SIGKILL if it does not exit. A hook stops every server still running when the driver exits.
 */
final class ServerProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final byte[] CONFIG_REQUEST = Requests.get("/api/config");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "stop-benchmark-servers"));
    }

    private final Process process;
    private final int port;
    private final double secondsToReady;

    private ServerProcess(Process process, int port, double secondsToReady) {
        this.process = process;
        this.port = port;
        this.secondsToReady = secondsToReady;
    }

    /**
     * Starts {@code java <jvmOptions> <mainArguments>} and waits until it answers.
     *
     * @param mainArguments {@code -cp <path> <class>} or {@code -jar <path>}
     */
    static ServerProcess start(List<String> jvmOptions, List<String> mainArguments, Map<String, String> environment,
                               Path log, Duration timeout) {
        int port = freePort();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(mainArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
        RUNNING.add(process);
        long deadline = started + timeout.toNanos();
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop(process);
                throw new IllegalStateException("the server did not start (see " + log + ")");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                stop(process);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the server started", interrupted);
            }
        }
        return new ServerProcess(process, port, (System.nanoTime() - started) / 1e9);
    }

    private static boolean answers(int port) {
        try (HttpConnection connection = new HttpConnection(port)) {
            return connection.exchange(CONFIG_REQUEST) == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** From the process's start to its first successful {@code GET /api/config}. */
    double secondsToReady() {
        return secondsToReady;
    }

    /** One request on a connection of its own, for setting a scenario up: status and body. */
    Answer call(byte[] request) {
        try (HttpConnection connection = new HttpConnection(port)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int status = connection.exchange(request, body);
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    record Answer(int status, String body) {

        /** A string field of a flat JSON answer; the driver reads only tokens and keys, which need no unescaping. */
        String field(String name) {
            String marker = "\"" + name + "\":\"";
            int start = body.indexOf(marker);
            if (start < 0) {
                throw new IllegalStateException("no " + name + " in the answer " + status);
            }
            start += marker.length();
            return body.substring(start, body.indexOf('"', start));
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Stops the server at once (SIGKILL), with whatever it still had queued: only after its last measurement. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
