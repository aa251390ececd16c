package io.gatehouse.adapter.crypto;

import io.gatehouse.application.port.out.CapacityExceededException;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.credential.PlainPassword;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs another {@link PasswordHasher} on a fixed number of threads behind a bounded queue. Hashing is the one costly
 * thing Gatehouse does; without a bound, a flood of sign-ins puts a hash on every request thread at once and every
 * other request, however cheap, waits for a core. Here at most {@code threads} hashes run at a time, at most
 * {@code queueLength} more wait, and a call beyond that fails at once with {@link CapacityExceededException}.
 *
 * <p>The caller's thread waits for its own hash, so callers see the same blocking contract as the delegate's, and
 * the delegate's exceptions reach them unchanged. Thread-safe. {@link #close()} lets queued hashes finish and refuses
 * new ones.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {

    /** What a refused caller is told to wait: a queue of sign-ins drains in about a second at usual costs. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordHasher delegate;
    private final ThreadPoolExecutor pool;
    /**
     * One permit per hash running or waiting. Counting here rather than bounding the executor's queue makes the bound
     * exact: a bounded queue also refuses in the instant a thread has finished one hash and not yet taken the next.
     */
    private final Semaphore capacity;
    private final int threads;
    private final int queueLength;

    /**
     * @param threads     hashes computed at the same time, at least 1 (the number of cores uses them all)
     * @param queueLength hashes that may wait for a thread, at least 0 (0: refuse whenever every thread is busy)
     */
    public BoundedPasswordHasher(PasswordHasher delegate, int threads, int queueLength) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (threads < 1 || queueLength < 0) {
            throw new IllegalArgumentException("password hashing needs at least one thread and a queue of zero or more, not "
                    + threads + " threads and a queue of " + queueLength);
        }
        this.threads = threads;
        this.queueLength = queueLength;
        this.capacity = new Semaphore(threads + queueLength);
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new HashingThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return onPool(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(PlainPassword candidate, Credential stored) {
        return onPool(() -> delegate.verify(candidate, stored));
    }

    /** Hashes waiting for a thread right now. */
    int waiting() {
        return pool.getQueue().size();
    }

    private <T> T onPool(Callable<T> work) {
        if (!capacity.tryAcquire()) {
            throw new CapacityExceededException(
                    "password hashing is at capacity: " + threads + " running, " + queueLength + " waiting", RETRY_AFTER);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                capacity.release();
            }
        };
        Future<T> result;
        try {
            result = pool.submit(() -> {
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException closed) {
            release.run();
            throw new CapacityExceededException("password hashing is closed", RETRY_AFTER);
        }
        try {
            return result.get();
        } catch (InterruptedException interrupted) {
            // a hash cancelled before it started never runs its own release
            result.cancel(true);
            release.run();
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for a password hash", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new InfrastructureException("password hashing failed", cause);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    /** Daemon threads with a name that says what they do in a thread dump. */
    private static final class HashingThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "gatehouse-password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
