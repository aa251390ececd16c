package io.gatehouse.bootstrap;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Waiting for work done on another thread, with its failure as it was thrown there. */
final class Futures {

    private Futures() {
    }

    /** Runs {@code work} on a daemon thread of its own, named {@code name}; its value or failure comes in the future. */
    static <T> CompletableFuture<T> onThreadOfItsOwn(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        inBackground(name, () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error failed) {
                result.completeExceptionally(failed);
            }
        });
        return result;
    }

    /**
     * Runs {@code work} on a daemon thread of its own, named {@code name}, for work nobody waits for: a failure goes to
     * the thread's uncaught-exception handler (the JVM prints it) rather than into a future nobody reads.
     */
    static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The value, or what the work threw (unchecked), not wrapped in a {@link CompletionException}. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw failed;
        }
    }

    /**
     * The value, or empty when the work failed: for cleaning up after another failure, the work's own failure being
     * then of no interest.
     */
    static <T> Optional<T> joinQuietly(CompletableFuture<T> future) {
        try {
            return Optional.of(future.join());
        } catch (CompletionException failedToo) {
            return Optional.empty();
        }
    }
}
