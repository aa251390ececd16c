package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.domain.throttle.FailureStreak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link FailureStreaks} does. */
public abstract class FailureStreaksContract {

    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final Duration FORGET = Duration.ofHours(12);

    private FailureStreaks streaks;

    /** Fresh, empty streaks. */
    protected abstract FailureStreaks newStreaks();

    @BeforeEach
    void fresh() {
        streaks = newStreaks();
    }

    @Test
    void failuresAddUpUntilCleared() {
        assertEquals(FailureStreak.NONE, streaks.current("k"));
        streaks.recordFailure("k", T, FORGET);
        FailureStreak second = streaks.recordFailure("k", T.plusSeconds(5), FORGET);

        assertEquals(new FailureStreak(2, Optional.of(T.plusSeconds(5))), second);
        assertEquals(second, streaks.current("k"));

        streaks.clear("k");
        assertEquals(FailureStreak.NONE, streaks.current("k"));
    }

    @Test
    void anOldStreakStartsAgain() {
        streaks.recordFailure("k", T, FORGET);
        streaks.recordFailure("k", T, FORGET);

        assertEquals(1, streaks.recordFailure("k", T.plus(FORGET), FORGET).failures());
    }

    @Test
    void keysAreIndependent() {
        streaks.recordFailure("a", T, FORGET);

        assertEquals(FailureStreak.NONE, streaks.current("b"));
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        List<FailureStreak> results = runTogether(40, () -> streaks.recordFailure("hot", T, FORGET));

        assertEquals(40, streaks.current("hot").failures());
        assertEquals(40, results.stream().mapToLong(FailureStreak::failures).max().orElse(0));
    }
}
