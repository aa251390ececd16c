package io.gatehouse.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done on another thread, with its failure as it was thrown there. */
final class Futures {

    private Futures() {
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
}
