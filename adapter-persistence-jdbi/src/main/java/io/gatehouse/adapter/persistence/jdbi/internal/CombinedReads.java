package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads by key where the reads that come while others are running wait and then share one statement. Under load a
 * round trip to the database then answers many requests instead of one: the database wakes once per statement, and
 * on a database that shares the server's cores or sits across a network the wake-ups and round trips are most of an
 * authenticated request's cost. At most {@code statementsAtOnce} statements run at once; when one ends, the next
 * takes everything that queued meanwhile (up to {@code keysPerStatement}). Alone, a read runs at once, by itself.
 * <p>
 * Each read is as fresh as its own statement would be: a read never takes the answer of a statement that was already
 * running when it came (that statement could have missed a sign-out committed in between), only of one that begins
 * after it queued.
 *
 * @param <K> the key, with value equality (equal keys in one statement are read once)
 * @param <V> what a key reads
 */
final class CombinedReads<K, V> {

    /** Reads the values of distinct keys in one statement; a key without a value is left out of the answer. */
    @FunctionalInterface
    interface Reader<K, V> {
        Map<K, V> read(List<K> keys);
    }

    private final Reader<K, V> reader;
    private final int statementsAtOnce;
    private final int keysPerStatement;
    private final ArrayDeque<Waiting<K, V>> queue = new ArrayDeque<>();
    private int running;

    CombinedReads(Reader<K, V> reader, int statementsAtOnce, int keysPerStatement) {
        if (statementsAtOnce < 1 || keysPerStatement < 1) {
            throw new IllegalArgumentException("at least one statement at once and one key per statement");
        }
        this.reader = reader;
        this.statementsAtOnce = statementsAtOnce;
        this.keysPerStatement = keysPerStatement;
    }

    Optional<V> read(K key) {
        Waiting<K, V> mine = new Waiting<>(key);
        boolean leads;
        synchronized (queue) {
            leads = running < statementsAtOnce;
            if (leads) {
                running++;
            } else {
                queue.add(mine);
            }
        }
        if (!leads) {
            Turn<V> turn = mine.turn.join();
            if (turn instanceof Answer<V> answer) {
                return answer.value();
            }
            // the statement that ended handed its place to this read, which now runs the next one
        }
        return lead(mine);
    }

    /** Runs one statement for {@code mine} and what queued before it, and hands the place on. */
    private Optional<V> lead(Waiting<K, V> mine) {
        List<Waiting<K, V>> others = new ArrayList<>();
        synchronized (queue) {
            while (others.size() + 1 < keysPerStatement && !queue.isEmpty()) {
                others.add(queue.poll());
            }
        }
        LinkedHashSet<K> keys = new LinkedHashSet<>();
        keys.add(mine.key);
        others.forEach(other -> keys.add(other.key));
        Map<K, V> found = Map.of();
        Throwable failure = null;
        try {
            found = reader.read(List.copyOf(keys));
        } catch (RuntimeException | Error failed) {
            failure = failed; // every queued read is answered, whatever happened
        } finally {
            handOn();
        }
        for (Waiting<K, V> other : others) {
            other.turn.complete(failure == null ? new Answer<>(Optional.ofNullable(found.get(other.key)), null)
                    : new Answer<>(Optional.empty(), failure));
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return Optional.ofNullable(found.get(mine.key));
    }

    /** The next queued read runs the next statement; with none queued, the place is free. */
    private void handOn() {
        Waiting<K, V> next;
        synchronized (queue) {
            next = queue.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.turn.complete(new Lead<>());
        }
    }

    private static final class Waiting<K, V> {
        final K key;
        final CompletableFuture<Turn<V>> turn = new CompletableFuture<>();

        Waiting(K key) {
            this.key = key;
        }
    }

    private sealed interface Turn<V> permits Lead, Answer {
    }

    private record Lead<V>() implements Turn<V> {
    }

    /** The read's value, or the failure of the statement that read it (each reader gets its own exception). */
    private record Answer<V>(Optional<V> found, Throwable failure) implements Turn<V> {
        Optional<V> value() {
            if (failure != null) {
                throw new InfrastructureException("the database failed", failure);
            }
            return found;
        }
    }
}
