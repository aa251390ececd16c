package io.gatehouse.adapter.redis;

import io.gatehouse.application.port.out.InfrastructureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs commands against Redis and keeps track of whether it answers. After a failure, calls go straight to their
 * fallback for a short pause (so an unreachable Redis does not cost every request a timeout), then the next call tries
 * Redis again. The change in either direction is logged once, never per request.
 */
final class Availability {

    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);

    private final UnifiedJedis client;
    private final long retryPauseNanos;
    private final LongSupplier nanoTime;
    private final Runnable dropIdleConnections;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong retryAt = new AtomicLong();

    Availability(UnifiedJedis client, Duration retryPause, LongSupplier nanoTime, Runnable dropIdleConnections) {
        this.client = client;
        this.retryPauseNanos = retryPause.toNanos();
        this.nanoTime = nanoTime;
        this.dropIdleConnections = dropIdleConnections;
    }

    /** The command's answer, or the fallback's when Redis cannot be asked. */
    <T> T call(Function<UnifiedJedis, T> command, Supplier<T> fallback) {
        if (isPausing()) {
            return fallback.get();
        }
        try {
            T answer = command.apply(client);
            answered();
            return answer;
        } catch (JedisException unreachable) {
            failed(unreachable);
            return fallback.get();
        }
    }

    /** The command's answer; when Redis cannot be asked, an {@link InfrastructureException}. */
    <T> T require(Function<UnifiedJedis, T> command) {
        return call(command, () -> {
            throw new InfrastructureException("Redis is unreachable");
        });
    }

    boolean isUp() {
        return !down.get();
    }

    /** Redis answered: if it had not before, say it is back. */
    void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis answers again: limits, revocations and settings changes are shared by every instance again");
        }
    }

    /** Redis did not answer: say so the first time, and pause before asking again. */
    void failed(JedisException cause) {
        retryAt.set(nanoTime.getAsLong() + retryPauseNanos);
        dropIdleConnections.run();
        if (down.compareAndSet(false, true)) {
            // The exception's message may name the server but never holds a password; no stack trace for an outage.
            LOG.warn("Redis does not answer ({}): sign-in limits count per instance, revocation checks use the "
                    + "database alone, until it answers again", cause.getClass().getSimpleName());
        }
    }

    private boolean isPausing() {
        return down.get() && nanoTime.getAsLong() - retryAt.get() < 0;
    }
}
