package io.ordercare.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * routing-service's own {@code routing.decision} timer as scraped from /q/metrics: the cumulative
 * histogram buckets (exemplars after '#' are ignored) (1 us .. 100 ms), the count and the windowed max. Two scrapes give the distribution
 * of the decisions taken between them; a percentile is reported as the upper bound of its bucket.
 */
final class DecisionHistogram {

    private static final Pattern BUCKET = Pattern.compile("^routing_decision_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} (\\S+)(?: #.*)?$");
    private static final Pattern COUNT = Pattern.compile("^routing_decision_seconds_count(?:\\{[^}]*})? (\\S+)(?: #.*)?$");
    private static final Pattern MAX = Pattern.compile("^routing_decision_seconds_max(?:\\{[^}]*})? (\\S+)(?: #.*)?$");

    final TreeMap<Double, Double> buckets = new TreeMap<>();
    double count;
    double maxSeconds;

    static DecisionHistogram parse(String prometheus) {
        DecisionHistogram h = new DecisionHistogram();
        for (String line : prometheus.split("\n")) {
            Matcher m = BUCKET.matcher(line);
            if (m.matches()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                h.buckets.put(le, Double.parseDouble(m.group(2)));
                continue;
            }
            m = COUNT.matcher(line);
            if (m.matches()) {
                h.count = Double.parseDouble(m.group(1));
                continue;
            }
            m = MAX.matcher(line);
            if (m.matches()) {
                h.maxSeconds = Double.parseDouble(m.group(1));
            }
        }
        return h;
    }

    /** Decisions taken between {@code before} and this scrape. */
    long countSince(DecisionHistogram before) {
        return Math.round(count - before.count);
    }

    /** Upper bound (ms) of the bucket holding the q-quantile of the decisions since {@code before}; NaN when none. */
    double quantileMillisSince(DecisionHistogram before, double q) {
        List<double[]> diff = new ArrayList<>();
        for (var e : buckets.entrySet()) {
            diff.add(new double[] { e.getKey(), e.getValue() - before.buckets.getOrDefault(e.getKey(), 0.0) });
        }
        double total = countSince(before);
        if (total <= 0 || diff.isEmpty()) {
            return Double.NaN;
        }
        double rank = Math.ceil(q * total);
        for (double[] b : diff) {
            if (b[1] >= rank) {
                return b[0] * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return "> 100";
        }
        return String.format(Locale.ROOT, v < 0.1 ? "%.4f" : "%.3f", v);
    }
}
