package io.ordercare.logistics.detection;

/**
 * Count, mean and sum of squared deviations of a series of durations in seconds (Welford), mergeable
 * batch by batch (Chan et al.) so the database keeps three numbers per route instead of the history.
 */
public record RunningStats(long count, double mean, double m2) {

    public static final RunningStats EMPTY = new RunningStats(0, 0, 0);

    public RunningStats add(double x) {
        long n = count + 1;
        double delta = x - mean;
        double newMean = mean + delta / n;
        return new RunningStats(n, newMean, m2 + delta * (x - newMean));
    }

    public RunningStats merge(RunningStats other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        return new RunningStats(n, mean + delta * other.count / n, m2 + other.m2 + delta * delta * count * other.count / n);
    }

    public double standardDeviation() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }
}
