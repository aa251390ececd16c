package io.gatehouse.adapter.crypto;

import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.port.out.CapacityExceededException;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedPasswordHasherTest {

    private static final PlainPassword PASSWORD = PlainPassword.of("correct horse");

    /** A hasher whose every call waits until the test lets one through, so the test decides who is busy. */
    private static final class GatedHasher extends FakePasswordHasher {
        final Semaphore gate = new Semaphore(0);
        final Semaphore entered = new Semaphore(0);
        volatile String lastThread = "";

        @Override
        public PasswordHash hash(PlainPassword password) {
            pass();
            return super.hash(password);
        }

        @Override
        public boolean verify(PlainPassword candidate, Credential stored) {
            pass();
            return super.verify(candidate, stored);
        }

        private void pass() {
            lastThread = Thread.currentThread().getName();
            entered.release();
            gate.acquireUninterruptibly();
        }
    }

    private final GatedHasher gated = new GatedHasher();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private BoundedPasswordHasher bounded;

    @AfterEach
    void stop() {
        gated.gate.release(100);
        callers.shutdownNow();
        if (bounded != null) {
            bounded.close();
        }
    }

    private static void until(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.onSpinWait();
        }
    }

    @Test
    void hashesAndVerifiesOnItsOwnThreadsWithTheDelegatesAnswers() throws Exception {
        bounded = new BoundedPasswordHasher(gated, 1, 1);
        gated.gate.release(2);

        PasswordHash hash = bounded.hash(PASSWORD);

        assertEquals(new FakePasswordHasher().hash(PASSWORD), hash);
        assertTrue(gated.lastThread.startsWith("gatehouse-password-hashing-"), gated.lastThread);
        assertTrue(bounded.verify(PASSWORD, Credential.password(hash)));
    }

    @Test
    void whenEveryThreadIsBusyAndTheQueueIsFullTheNextCallIsRefusedAtOnce() throws Exception {
        bounded = new BoundedPasswordHasher(gated, 1, 1);
        Future<PasswordHash> running = callers.submit(() -> bounded.hash(PASSWORD));
        gated.entered.acquire();
        Future<PasswordHash> queued = callers.submit(() -> bounded.hash(PASSWORD));
        until(() -> bounded.waiting() == 1);

        CapacityExceededException refused = assertThrows(CapacityExceededException.class, () -> bounded.hash(PASSWORD));
        assertThrows(CapacityExceededException.class, () -> bounded.verify(PASSWORD, Credential.none()));

        assertTrue(refused.retryAfter().toSeconds() >= 1);
        assertFalse(refused.getMessage().contains("correct horse"));
        assertFalse(running.isDone());
        gated.gate.release(2);
        assertEquals(new FakePasswordHasher().hash(PASSWORD), running.get());
        assertEquals(new FakePasswordHasher().hash(PASSWORD), queued.get());
    }

    @Test
    void theQueueFreesUpAsHashesFinish() throws Exception {
        bounded = new BoundedPasswordHasher(gated, 1, 1);
        Future<PasswordHash> running = callers.submit(() -> bounded.hash(PASSWORD));
        gated.entered.acquire();
        Future<PasswordHash> queued = callers.submit(() -> bounded.hash(PASSWORD));
        until(() -> bounded.waiting() == 1);

        gated.gate.release();
        running.get();
        until(() -> bounded.waiting() == 0);
        Future<PasswordHash> next = callers.submit(() -> bounded.hash(PASSWORD));
        until(() -> bounded.waiting() == 1);
        gated.gate.release(2);

        assertEquals(queued.get(), next.get());
    }

    @Test
    void withoutAQueueACallIsRefusedWhenEveryThreadIsBusy() throws Exception {
        bounded = new BoundedPasswordHasher(gated, 2, 0);
        Future<Boolean> first = callers.submit(() -> bounded.verify(PASSWORD, Credential.none()));
        Future<Boolean> second = callers.submit(() -> bounded.verify(PASSWORD, Credential.none()));
        gated.entered.acquire(2);

        assertThrows(CapacityExceededException.class, () -> bounded.verify(PASSWORD, Credential.none()));
        gated.gate.release(2);
        assertFalse(first.get());
        assertFalse(second.get());
    }

    @Test
    void theDelegatesExceptionsReachTheCallerUnchanged() {
        IllegalArgumentException tooLong = new IllegalArgumentException("longer than 72 bytes");
        bounded = new BoundedPasswordHasher(new FakePasswordHasher() {
            @Override
            public PasswordHash hash(PlainPassword password) {
                throw tooLong;
            }
        }, 1, 1);

        assertSame(tooLong, assertThrows(IllegalArgumentException.class, () -> bounded.hash(PASSWORD)));
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() throws Exception {
        bounded = new BoundedPasswordHasher(gated, 1, 1);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                bounded.hash(PASSWORD);
                outcome.complete("hashed");
            } catch (InfrastructureException failed) {
                outcome.complete(Thread.currentThread().isInterrupted() ? "refused, still interrupted" : "refused");
            }
        });
        caller.start();
        gated.entered.acquire();

        caller.interrupt();

        assertEquals("refused, still interrupted", outcome.get());
    }

    @Test
    void afterCloseCallsAreRefused() {
        bounded = new BoundedPasswordHasher(gated, 1, 1);
        bounded.close();

        CapacityExceededException refused = assertThrows(CapacityExceededException.class, () -> bounded.hash(PASSWORD));
        assertTrue(refused.getMessage().contains("closed"));
    }

    @Test
    void nonsenseSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedPasswordHasher(gated, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedPasswordHasher(gated, 1, -1));
    }
}
