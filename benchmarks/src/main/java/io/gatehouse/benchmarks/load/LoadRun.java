package io.gatehouse.benchmarks.load;

import io.gatehouse.benchmarks.report.ScenarioResult;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Runs closed-loop virtual users for a fixed time: each user has its own connection and sends its next request as
 * soon as the previous answer arrived. The first part of the time warms up (JIT, pools, queues) and is not counted;
 * an answer counts when it arrives inside the measured window. When the window closes, users stop sending; the run
 * returns when every user has had the answer it is owed, so the server is idle again (a queue of sign-ins drains
 * first), or, when asked, at once, leaving that backlog to the next run (a flood that follows a flood).
 */
final class LoadRun {

    /** Makes the request a user sends next. Called by that user's thread only, so it may keep per-user state. */
    @FunctionalInterface
    interface RequestSource {
        byte[] next(int user);
    }

    /** One group of users that run together: a scenario at a concurrency. */
    record Part(String scenario, int concurrency, RequestSource source, IntPredicate expected) {
    }

    private static final int FAILED_CONNECTION = -1;
    private static final long NO_LONGER_THAN_SECONDS = 180;

    private LoadRun() {
    }

    /** Runs every part at once over the same window and reports each, once the server is idle again. */
    static List<Sample> run(String deployment, int port, long serverPid, List<Part> parts, Duration warmup,
                                    Duration measure) {
        return run(deployment, port, serverPid, parts, warmup, measure, true);
    }

    /** @param drain whether to wait for the answers owed when the window closes */
    static List<Sample> run(String deployment, int port, long serverPid, List<Part> parts, Duration warmup,
                                    Duration measure, boolean drain) {
        CountDownLatch go = new CountDownLatch(1);
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long windowStart = begin + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        List<List<User>> usersByPart = new ArrayList<>();
        for (Part part : parts) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < part.concurrency(); i++) {
                User user = new User(port, part, i, windowStart, windowEnd, go);
                user.thread.start();
                users.add(user);
            }
            usersByPart.add(users);
        }
        go.countDown();
        sleepUntil(windowStart);
        double cpuBefore = ProcessStats.cpuSeconds(serverPid);
        long[] machineBefore = ProcessStats.machineTicks();
        sleepUntil(windowEnd);
        double cpuAfter = ProcessStats.cpuSeconds(serverPid);
        long[] machineAfter = ProcessStats.machineTicks();
        double rss = ProcessStats.residentMib(serverPid);
        if (drain) {
            usersByPart.forEach(users -> users.forEach(User::awaitEnd));
        }

        double seconds = measure.toNanos() / 1e9;
        List<Sample> samples = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            Latencies.Recorder all = new Latencies.Recorder();
            Map<Integer, Long> statuses = new TreeMap<>();
            long errors = 0;
            for (User user : usersByPart.get(p)) {
                synchronized (user) {
                    for (long latency : user.latencies.toArray()) {
                        all.add(latency);
                    }
                    user.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
                    errors += user.errors;
                }
            }
            samples.add(new Sample(part.scenario(), part.concurrency(), all.toArray(), statuses, errors, seconds,
                    cpuAfter - cpuBefore, rss, machineAfter[0] - machineBefore[0], machineAfter[1] - machineBefore[1]));
        }
        return samples;
    }

    /** What one part of one run measured, before it is summed up with the other rounds of its scenario. */
    record Sample(String scenario, int concurrency, long[] latencies, Map<Integer, Long> statuses, long errors,
                  double seconds, double serverCpuSeconds, double serverRssMib, long machineBusyTicks,
                  long machineTicks) {
    }

    /** Several rounds of one scenario as one result: counts and latencies pooled, memory as at the last round. */
    static ScenarioResult summarise(String deployment, List<Sample> rounds) {
        Sample first = rounds.get(0);
        Latencies.Recorder all = new Latencies.Recorder();
        Map<Integer, Long> statuses = new TreeMap<>();
        long errors = 0;
        double seconds = 0;
        double cpu = 0;
        long busy = 0;
        long ticks = 0;
        for (Sample round : rounds) {
            for (long latency : round.latencies()) {
                all.add(latency);
            }
            round.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            errors += round.errors();
            seconds += round.seconds();
            cpu += round.serverCpuSeconds();
            busy += round.machineBusyTicks();
            ticks += round.machineTicks();
        }
        Latencies latencies = new Latencies(all.toArray());
        return new ScenarioResult(deployment, first.scenario(), first.concurrency(), latencies.count(), errors, seconds,
                millis(latencies.percentileNanos(0.5)), millis(latencies.percentileNanos(0.9)),
                millis(latencies.percentileNanos(0.99)), millis(latencies.maxNanos()), statuses, cpu / seconds,
                rounds.get(rounds.size() - 1).serverRssMib(), ticks == 0 ? 0 : busy / (double) ticks, Double.NaN);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * A virtual user: one thread, one connection, its own counts. They are written and read under the user's lock,
     * because a run that does not drain reads them while the user still waits for its last answer.
     */
    private static final class User implements Runnable {
        final Thread thread;
        final Latencies.Recorder latencies = new Latencies.Recorder();
        final Map<Integer, Long> statuses = new TreeMap<>();
        long errors;
        private final int port;
        private final Part part;
        private final int index;
        private final long windowStart;
        private final long windowEnd;
        private final CountDownLatch go;
        private volatile HttpConnection connection;

        User(int port, Part part, int index, long windowStart, long windowEnd, CountDownLatch go) {
            this.port = port;
            this.part = part;
            this.index = index;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.go = go;
            this.thread = new Thread(this, "load-" + part.scenario() + "-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                go.await();
            } catch (InterruptedException stopped) {
                return;
            }
            while (System.nanoTime() < windowEnd) {
                byte[] request = part.source().next(index);
                long start = System.nanoTime();
                int status = send(request);
                long finish = System.nanoTime();
                if (finish >= windowStart && finish <= windowEnd) {
                    synchronized (this) {
                        latencies.add(finish - start);
                        statuses.merge(status, 1L, Long::sum);
                        if (!part.expected().test(status)) {
                            errors++;
                        }
                    }
                }
            }
            closeConnection();
        }

        private int send(byte[] request) {
            try {
                if (connection == null) {
                    connection = new HttpConnection(port);
                }
                int status = connection.exchange(request);
                if (connection.closedByServer()) {
                    closeConnection();
                }
                return status;
            } catch (IOException | RuntimeException failed) {
                closeConnection();
                return FAILED_CONNECTION;
            }
        }

        private void closeConnection() {
            HttpConnection open = connection;
            connection = null;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }

        /** Waits for the answer this user is owed; a server that never answers has its connection cut. */
        void awaitEnd() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(NO_LONGER_THAN_SECONDS));
                if (thread.isAlive()) {
                    closeConnection();
                    thread.join();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
