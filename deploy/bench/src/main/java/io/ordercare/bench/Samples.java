package io.ordercare.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies (nanoseconds) kept exactly, sorted on demand. Not thread-safe: one writer at a time. */
final class Samples {

    private long[] values = new long[1 << 14];
    private int size;
    private long[] sorted;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = null;
    }

    long get(int i) {
        return values[i];
    }

    int count() {
        return size;
    }

    /** The q-quantile (0..1), nearest rank; 0 when empty. */
    long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
        }
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return quantile(1.0);
    }

    static String ms(long nanos) {
        double ms = nanos / 1_000_000.0;
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    String summary() {
        if (size == 0) {
            return "no samples";
        }
        return "p50 " + ms(quantile(0.50)) + ", p99 " + ms(quantile(0.99)) + ", max " + ms(max());
    }
}
