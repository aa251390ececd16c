package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.AttemptCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link AttemptCounter} does: Open WebUI's one-minute buckets, counted atomically. */
public abstract class AttemptCounterContract {

    private static final Duration WINDOW = Duration.ofMinutes(3);
    private static final Instant MINUTE_START = Instant.parse("2026-04-01T10:00:00Z");

    private AttemptCounter counter;

    /** A fresh, empty counter. */
    protected abstract AttemptCounter newCounter();

    @BeforeEach
    void fresh() {
        counter = newCounter();
    }

    @Test
    void eachIncrementReturnsTheCountIncludingItself() {
        assertEquals(1, counter.increment("k", WINDOW, MINUTE_START));
        assertEquals(2, counter.increment("k", WINDOW, MINUTE_START.plusSeconds(30)));
        assertEquals(2, counter.count("k", WINDOW, MINUTE_START.plusSeconds(31)));
        assertEquals(0, counter.count("other", WINDOW, MINUTE_START));
    }

    @Test
    void theWindowIsTheCurrentBucketAndTheThreeBefore() {
        counter.increment("k", WINDOW, MINUTE_START);                    // bucket 0
        counter.increment("k", WINDOW, MINUTE_START.plusSeconds(65));    // bucket 1

        assertEquals(2, counter.count("k", WINDOW, MINUTE_START.plusSeconds(3 * 60 + 59)));  // bucket 3 sees 0..3
        assertEquals(1, counter.count("k", WINDOW, MINUTE_START.plusSeconds(4 * 60)));       // bucket 4 sees 1..4
        assertEquals(0, counter.count("k", WINDOW, MINUTE_START.plusSeconds(5 * 60)));
    }

    @Test
    void concurrentIncrementsLoseNoCount() throws Exception {
        List<Long> seen = runTogether(50, () -> counter.increment("hot", WINDOW, MINUTE_START));

        assertEquals(LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet()), Set.copyOf(seen));
        assertEquals(50, counter.count("hot", WINDOW, MINUTE_START));
    }
}
