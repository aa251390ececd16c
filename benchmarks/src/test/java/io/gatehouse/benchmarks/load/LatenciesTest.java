package io.gatehouse.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedLatencies() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;       // given in reverse order
        }
        Latencies latencies = new Latencies(hundred);

        assertEquals(50, latencies.percentileNanos(0.5));
        assertEquals(90, latencies.percentileNanos(0.9));
        assertEquals(99, latencies.percentileNanos(0.99));
        assertEquals(100, latencies.percentileNanos(1.0));
        assertEquals(100, latencies.maxNanos());
        assertEquals(1, latencies.percentileNanos(0.001));
    }

    @Test
    void aFewLatenciesRoundUpToTheNextRank() {
        Latencies three = new Latencies(new long[] {30, 10, 20});

        assertEquals(20, three.percentileNanos(0.5));
        assertEquals(30, three.percentileNanos(0.9));
        assertEquals(30, three.percentileNanos(0.99));
    }

    @Test
    void noLatenciesAreZeroAndNonsenseFractionsAreRefused() {
        Latencies none = new Latencies(new long[0]);

        assertEquals(0, none.percentileNanos(0.5));
        assertEquals(0, none.maxNanos());
        assertThrows(IllegalArgumentException.class, () -> none.percentileNanos(0));
        assertThrows(IllegalArgumentException.class, () -> none.percentileNanos(1.5));
    }

    @Test
    void theRecorderGrowsPastItsFirstArray() {
        Latencies.Recorder recorder = new Latencies.Recorder();
        for (int i = 0; i < 5_000; i++) {
            recorder.add(i);
        }

        assertEquals(5_000, recorder.toArray().length);
        assertEquals(4_999, recorder.toArray()[4_999]);
    }

    @Test
    void roundsAreSummedUpAsOneResult() {
        LoadRun.Sample first = new LoadRun.Sample("bare route", 4, new long[] {1_000_000, 3_000_000}, Map.of(200, 2L), 0,
                1.0, 0.5, 100, 50, 100);
        LoadRun.Sample second = new LoadRun.Sample("bare route", 4, new long[] {2_000_000, 4_000_000}, Map.of(200, 1L, 503, 1L),
                1, 1.0, 1.5, 120, 150, 200);

        var result = LoadRun.summarise("embedded", List.of(first, second));

        assertEquals(4, result.requests());
        assertEquals(2.0, result.requestsPerSecond());
        assertEquals(1, result.errors());
        assertEquals(2.0, result.p50Ms());
        assertEquals(4.0, result.maxMs());
        assertEquals(Map.of(200, 3L, 503, 1L), result.statuses());
        assertEquals(1.0, result.serverCpuCores(), "CPU seconds over window seconds");
        assertEquals(200.0 / 300, result.machineBusy(), 1e-9);
        assertEquals(120, result.serverRssMib(), "memory as at the last round");
    }
}
