package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.ShortLivedValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ShortLivedValues} does: single use, atomic, and gone after its time to live. */
public abstract class ShortLivedValuesContract {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private ShortLivedValues values;

    /** A store with nothing in it. */
    protected abstract ShortLivedValues newValues();

    /** How long the value under {@code key} has left, as the store itself says; empty when there is none. */
    protected abstract Optional<Duration> timeToLive(String key);

    @BeforeEach
    void fresh() {
        values = newValues();
    }

    @Test
    void aValueCanBeReadUntilItIsTakenAndThenNeverAgain() {
        values.put("state", "verifier", FIVE_MINUTES);

        assertEquals(Optional.of("verifier"), values.get("state"));
        assertEquals(Optional.of("verifier"), values.take("state"));
        assertEquals(Optional.empty(), values.take("state"));
        assertEquals(Optional.empty(), values.get("state"));
    }

    @Test
    void unknownKeysHoldNothing() {
        assertEquals(Optional.empty(), values.get("never-stored"));
        assertEquals(Optional.empty(), values.take("never-stored"));
    }

    @Test
    void putReplacesAndRemoveForgets() {
        values.put("k", "first", FIVE_MINUTES);
        values.put("k", "second", FIVE_MINUTES);
        assertEquals(Optional.of("second"), values.get("k"));

        values.remove("k");
        assertEquals(Optional.empty(), values.get("k"));
    }

    @Test
    void putIfAbsentStoresOnlyTheFirst() {
        assertTrue(values.putIfAbsent("lock", "a", FIVE_MINUTES));
        assertFalse(values.putIfAbsent("lock", "b", FIVE_MINUTES));
        assertEquals(Optional.of("a"), values.get("lock"));

        values.remove("lock");
        assertTrue(values.putIfAbsent("lock", "c", FIVE_MINUTES));
    }

    @Test
    void everyValueCarriesItsTimeToLive() {
        values.put("code", "123456", FIVE_MINUTES);
        values.putIfAbsent("jti", "1", Duration.ofSeconds(90));

        Duration code = timeToLive("code").orElseThrow();
        Duration jti = timeToLive("jti").orElseThrow();
        assertTrue(code.compareTo(FIVE_MINUTES) <= 0 && code.compareTo(FIVE_MINUTES.minusSeconds(5)) > 0, code::toString);
        assertTrue(jti.compareTo(Duration.ofSeconds(90)) <= 0 && jti.compareTo(Duration.ofSeconds(85)) > 0, jti::toString);
        assertEquals(Optional.empty(), timeToLive("absent"));
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> values.put("k", "v", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> values.putIfAbsent("k", "v", Duration.ofSeconds(-1)));
        assertEquals(Optional.empty(), values.get("k"));
    }

    @Test
    void onlyOneOfManyConcurrentTakersGetsTheValue() throws Exception {
        values.put("state", "once", FIVE_MINUTES);

        List<Optional<String>> taken = runTogether(20, () -> values.take("state"));

        assertEquals(1, taken.stream().filter(Optional::isPresent).count());
    }

    @Test
    void onlyOneOfManyConcurrentPutIfAbsentWins() throws Exception {
        List<Boolean> won = runTogether(20, () -> values.putIfAbsent("refresh-lock", "mine", FIVE_MINUTES));

        assertEquals(1, won.stream().filter(Boolean::booleanValue).count());
    }
}
