package io.gatehouse.benchmarks.load;

import java.util.Arrays;

/** Latencies of one scenario, in nanoseconds, with nearest-rank percentiles (no interpolation, as HdrHistogram). */
public final class Latencies {

    private final long[] sorted;

    public Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The smallest latency that at least {@code fraction} of the requests did not exceed; 0 when there were none.
     *
     * @param fraction between 0 (exclusive) and 1 (inclusive)
     */
    public long percentileNanos(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("a percentile is in (0, 1], not " + fraction);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public long maxNanos() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** A growable array of longs, so that recording a latency allocates nothing most of the time. */
    static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
