package io.gatehouse.adapter.persistence.jdbi.internal;

import io.gatehouse.application.port.out.InfrastructureException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads by key where the reads that come while others are running wait and then share one statement. Under load a
 * round trip to the database then answers many requests instead of one: the database wakes once per statement, and
 * on a database that shares the server's cores or sits across a network the wake-ups and round trips are most of an
 * authenticated request's cost. At most {@code statementsAtOnce} statements run at once; when one ends, the next
 * takes everything that queued meanwhile (up to {@code keysPerStatement}), run by the same thread up to
 * {@code statementsPerTurn} times in a row, then by the oldest queued read's. Alone, a read runs at once, by itself.
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
    private final int statementsPerTurn;
    private final ArrayDeque<Waiting<K, V>> queue = new ArrayDeque<>();
    private int running;

    CombinedReads(Reader<K, V> reader, int statementsAtOnce, int keysPerStatement, int statementsPerTurn) {
        if (statementsAtOnce < 1 || keysPerStatement < 1 || statementsPerTurn < 1) {
            throw new IllegalArgumentException("at least one statement at once, one key per statement, one per turn");
        }
        this.reader = reader;
        this.statementsAtOnce = statementsAtOnce;
        this.keysPerStatement = keysPerStatement;
        this.statementsPerTurn = statementsPerTurn;
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

    /**
     * Runs the statement for {@code mine} and what queued before it, then, while reads are queued, the next ones, up to
     * {@code statementsPerTurn} in all: a statement that follows on the same thread starts at once, where one handed
     * to a waiting thread starts only when the scheduler wakes it, which on busy cores takes longer than the
     * statement (so this read's own answer waits for those statements too). After a failed statement, or after its
     * turn, the place goes to the oldest queued read, or is free.
     */
    private Optional<V> lead(Waiting<K, V> mine) {
        List<Waiting<K, V>> batch = new ArrayList<>(List.of(mine));
        synchronized (queue) {
            takeQueued(batch);
        }
        Answer<V> own = null;
        Waiting<K, V> next = null;
        for (int statements = 1; ; statements++) {
            Map<K, V> found = Map.of();
            Throwable failure = null;
            try {
                found = Objects.requireNonNull(reader.read(batch.stream().map(waiting -> waiting.key).distinct().toList()),
                        "the reader's answer");
            } catch (RuntimeException | Error failed) {
                failure = failed; // every read of the statement is answered, whatever happened
            }
            for (Waiting<K, V> waiting : batch) {
                Answer<V> answer = new Answer<>(Optional.ofNullable(found.get(waiting.key)), failure);
                if (waiting == mine) {
                    own = answer;
                } else {
                    waiting.turn.complete(answer);
                }
            }
            batch.clear();
            synchronized (queue) {
                if (queue.isEmpty()) {
                    running--;
                    break;
                }
                if (statements == statementsPerTurn || failure != null) {
                    next = queue.poll();
                    break;
                }
                // taken with the look at the queue, so that another statement's thread cannot empty it meanwhile
                takeQueued(batch);
            }
        }
        if (next != null) {
            next.turn.complete(new Lead<>());
        }
        return own.own();
    }

    /** Adds queued reads to {@code batch} up to a statement's keys; the caller holds the queue's lock. */
    private void takeQueued(List<Waiting<K, V>> batch) {
        while (batch.size() < keysPerStatement && !queue.isEmpty()) {
            batch.add(queue.poll());
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

    /** A read's value, or the failure of the statement that read it. */
    private record Answer<V>(Optional<V> found, Throwable failure) implements Turn<V> {

        /** For a read that shared the statement: a failure of its own, caused by the statement's. */
        Optional<V> value() {
            if (failure != null) {
                throw new InfrastructureException("the database failed", failure);
            }
            return found;
        }

        /** For the read whose thread ran the statement: the statement's failure itself. */
        Optional<V> own() {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return found;
        }
    }
}
