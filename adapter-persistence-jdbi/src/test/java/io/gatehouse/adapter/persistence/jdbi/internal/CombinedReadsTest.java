package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CombinedReadsTest {

    /** Reads "value of k" for every key but those starting with "unknown"; records each statement's keys. */
    private static final class Statements implements CombinedReads.Reader<String, String> {
        final List<List<String>> keys = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch released = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostRunning = new AtomicInteger();
        volatile boolean held;
        volatile RuntimeException failure;
        volatile Error error;

        @Override
        public Map<String, String> read(List<String> keys) {
            this.keys.add(keys);
            threads.add(Thread.currentThread().getName());
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (held) {
                    awaitQuietly(released);
                }
                if (error != null) {
                    throw error;
                }
                if (failure != null && keys.contains("fail")) {
                    throw failure;
                }
                Map<String, String> found = new LinkedHashMap<>();
                keys.stream().filter(key -> !key.startsWith("unknown")).forEach(key -> found.put(key, "value of " + key));
                return found;
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private final Statements statements = new Statements();
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void letEveryReaderFinish() throws InterruptedException {
        statements.released.countDown();
        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test
    void aReadAloneRunsItsOwnStatementAtOnce() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 2, 32, 1);

        assertEquals(Optional.of("value of a"), reads.read("a"));
        assertEquals(Optional.empty(), reads.read("unknown-b"));
        assertEquals(List.of(List.of("a"), List.of("unknown-b")), statements.keys);
    }

    @Test
    void readsThatComeWhileAStatementRunsShareTheNextOneAndEqualKeysAreReadOnce() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 32, 1);
        statements.held = true;
        CompletableFuture<Optional<String>> a = runningStatement(reads, "a");
        CompletableFuture<Optional<String>> b = queued(reads, "b");
        CompletableFuture<Optional<String>> unknown = queued(reads, "unknown-c");
        CompletableFuture<Optional<String>> b2 = queued(reads, "b");

        statements.released.countDown();

        assertEquals(Optional.of("value of a"), a.join());
        assertEquals(Optional.of("value of b"), b.join());
        assertEquals(Optional.empty(), unknown.join());
        assertEquals(Optional.of("value of b"), b2.join());
        assertEquals(List.of(List.of("a"), List.of("b", "unknown-c")), statements.keys);
    }

    @Test
    void aReadNeverTakesTheAnswerOfAStatementThatWasAlreadyRunningWhenItCame() {
        // that statement may have read the account before a sign-out that committed before this read came
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 32, 1);
        statements.held = true;
        CompletableFuture<Optional<String>> first = runningStatement(reads, "a");
        CompletableFuture<Optional<String>> second = queued(reads, "a");

        statements.released.countDown();

        assertEquals(Optional.of("value of a"), first.join());
        assertEquals(Optional.of("value of a"), second.join());
        assertEquals(List.of(List.of("a"), List.of("a")), statements.keys, "the second read ran a statement of its own");
    }

    @Test
    void aStatementTakesNoMoreKeysThanItsLimitAndTheRestGoToTheNext() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 2, 1);
        statements.held = true;
        List<CompletableFuture<Optional<String>>> answers = runningThenQueued(reads, "a", "b", "c", "d");

        statements.released.countDown();

        answers.forEach(CompletableFuture::join);
        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), statements.keys);
    }

    @Test
    void aFailedStatementFailsEachOfItsReadsAndLaterReadsRunAsUsual() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 32, 1);
        InfrastructureException databaseDown = new InfrastructureException("the database failed");
        statements.failure = databaseDown;
        statements.held = true;
        CompletableFuture<Optional<String>> a = runningStatement(reads, "a");
        CompletableFuture<Optional<String>> failing = queued(reads, "fail");
        CompletableFuture<Optional<String>> sharing = queued(reads, "c");

        statements.released.countDown();

        assertEquals(Optional.of("value of a"), a.join());
        assertSame(databaseDown, failure(failing), "the read that ran the statement gets its failure");
        Throwable shared = failure(sharing);
        assertInstanceOf(InfrastructureException.class, shared);
        assertSame(databaseDown, shared.getCause(), "a read that shared the statement gets its own exception");
        assertEquals(Optional.of("value of d"), reads.read("d"), "the failed statement gave its place back");
    }

    @Test
    void aStatementThatEndsInAnErrorStillAnswersTheReadsThatSharedIt() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 32, 1);
        statements.held = true;
        CompletableFuture<Optional<String>> a = runningStatement(reads, "a");
        CompletableFuture<Optional<String>> leading = queued(reads, "b");
        CompletableFuture<Optional<String>> sharing = queued(reads, "c");
        statements.error = new StackOverflowError("deep");

        statements.released.countDown();

        assertInstanceOf(StackOverflowError.class, failure(a));
        assertInstanceOf(StackOverflowError.class, failure(leading));
        assertInstanceOf(StackOverflowError.class, failure(sharing).getCause());
        statements.error = null;
        assertEquals(Optional.of("value of d"), reads.read("d"));
    }

    @Test
    void theThreadOfAStatementRunsTheNextOnesWhileReadsAreQueuedUpToItsTurnThenHandsItsPlaceOn() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 1, 2);
        statements.held = true;
        List<CompletableFuture<Optional<String>>> answers = runningThenQueued(reads, "a", "b", "c", "d");

        statements.released.countDown();

        answers.forEach(CompletableFuture::join);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), statements.keys);
        assertEquals(List.of("read-a", "read-a", "read-c", "read-c"), statements.threads);
    }

    @Test
    void aThreadWhoseOwnStatementFailedHandsItsPlaceOnAtOnce() {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 1, 32, 4);
        InfrastructureException databaseDown = new InfrastructureException("the database failed");
        statements.failure = databaseDown;
        statements.held = true;
        CompletableFuture<Optional<String>> failing = runningStatement(reads, "fail");
        CompletableFuture<Optional<String>> b = queued(reads, "b");

        statements.released.countDown();

        assertSame(databaseDown, failure(failing));
        assertEquals(Optional.of("value of b"), b.join());
        assertEquals(List.of("read-fail", "read-b"), statements.threads);
    }

    @Test
    void manyReadersAtOnceEachGetTheirOwnAnswerAndNoMoreStatementsRunThanAllowed() throws InterruptedException {
        CombinedReads<String, String> reads = new CombinedReads<>(statements, 2, 8, 3);
        int readers = 16;
        int readsEach = 300;
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < readsEach; i++) {
                    String key = (ThreadLocalRandom.current().nextInt(5) == 0 ? "unknown-" : "k")
                            + ThreadLocalRandom.current().nextInt(40);
                    Optional<String> expected = key.startsWith("unknown") ? Optional.empty() : Optional.of("value of " + key);
                    if (!expected.equals(reads.read(key))) {
                        wrong.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "a reader is still waiting: a read was never answered");
        }

        assertEquals(0, wrong.get());
        assertTrue(statements.mostRunning.get() <= 2, "statements at once: " + statements.mostRunning.get());
        assertTrue(statements.keys.stream().allMatch(keys -> !keys.isEmpty() && keys.size() <= 8
                && keys.size() == Set.copyOf(keys).size()), "no statement empty, over its limit or with a key twice");
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CombinedReads<>(statements, 0, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new CombinedReads<>(statements, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CombinedReads<>(statements, 2, 8, 0));
    }

    /** The first key's read running its statement (which the test holds), then the others' reads queued in order. */
    private List<CompletableFuture<Optional<String>>> runningThenQueued(CombinedReads<String, String> reads, String running,
                                                                        String... queued) {
        List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
        answers.add(runningStatement(reads, running));
        for (String key : queued) {
            answers.add(queued(reads, key));
        }
        return answers;
    }

    /** A read on a thread of its own that has begun a statement (which the test holds). */
    private CompletableFuture<Optional<String>> runningStatement(CombinedReads<String, String> reads, String key) {
        int before = statements.keys.size();
        CompletableFuture<Optional<String>> answer = reading(reads, key);
        await(() -> statements.keys.size() > before);
        return answer;
    }

    /** A read on a thread of its own that waits in the queue. */
    private CompletableFuture<Optional<String>> queued(CombinedReads<String, String> reads, String key) {
        CompletableFuture<Optional<String>> answer = reading(reads, key);
        Thread thread = started.get(started.size() - 1);
        await(() -> thread.getState() == Thread.State.WAITING);
        return answer;
    }

    private CompletableFuture<Optional<String>> reading(CombinedReads<String, String> reads, String key) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                answer.complete(reads.read(key));
            } catch (Throwable failed) {
                answer.completeExceptionally(failed);
            }
        }, "read-" + key);
        started.add(thread);
        thread.start();
        return answer;
    }

    private static Throwable failure(CompletableFuture<?> answer) {
        CompletionException failed = assertThrows(CompletionException.class, answer::join);
        return failed.getCause();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("the condition did not come about within 10 seconds");
            }
            Thread.yield();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
