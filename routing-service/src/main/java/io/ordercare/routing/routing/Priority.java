package io.ordercare.routing.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How urgent a waiting handoff is: points for its urgency and the customer's value, plus points for
 * every minute it has waited (priority aging), so a low-urgency handoff that waits long enough overtakes
 * newer urgent ones and nobody starves.
 *
 * <p>Every handoff ages at the same rate, so the order of two handoffs never changes with time: it is
 * fixed by {@link #rank} = base points - rate x minutes of its creation since the epoch. The waiting list
 * is kept sorted by rank once, instead of being re-scored on every decision.
 */
public final class Priority {

    private final Map<Urgency, Double> urgencyPoints;
    private final Map<CustomerValue, Double> valuePoints;
    private final double agingPointsPerMinute;

    public Priority(Map<Urgency, Double> urgencyPoints, Map<CustomerValue, Double> valuePoints, double agingPointsPerMinute) {
        this.urgencyPoints = new EnumMap<>(urgencyPoints);
        this.valuePoints = new EnumMap<>(valuePoints);
        this.agingPointsPerMinute = agingPointsPerMinute;
        for (Urgency u : Urgency.values()) {
            this.urgencyPoints.putIfAbsent(u, 0.0);
        }
        for (CustomerValue v : CustomerValue.values()) {
            this.valuePoints.putIfAbsent(v, 0.0);
        }
    }

    /** LOW 0, NORMAL 10, HIGH 30, CRITICAL 60; HIGH_VALUE +5, VIP +15; 2 points a minute of waiting. */
    public static Priority defaults() {
        return new Priority(Map.of(Urgency.LOW, 0.0, Urgency.NORMAL, 10.0, Urgency.HIGH, 30.0, Urgency.CRITICAL, 60.0),
                Map.of(CustomerValue.STANDARD, 0.0, CustomerValue.HIGH_VALUE, 5.0, CustomerValue.VIP, 15.0), 2.0);
    }

    /** The same points with another aging rate. */
    public Priority withAging(double pointsPerMinute) {
        return new Priority(urgencyPoints, valuePoints, pointsPerMinute);
    }

    public double base(Urgency urgency, CustomerValue value) {
        return urgencyPoints.get(urgency) + valuePoints.get(value);
    }

    /** The priority at {@code now}: base points plus the aging of the time waited since {@code since}. */
    public double at(Urgency urgency, CustomerValue value, Instant since, Instant now) {
        double minutes = Math.max(0, Duration.between(since, now).toMillis()) / 60_000.0;
        return base(urgency, value) + agingPointsPerMinute * minutes;
    }

    /** A time-independent sort key: higher rank = served first, at any moment. */
    public double rank(Urgency urgency, CustomerValue value, Instant since) {
        return base(urgency, value) - agingPointsPerMinute * (since.toEpochMilli() / 60_000.0);
    }
}
