package io.ordercare.logistics.detection;

import io.ordercare.logistics.shipment.Parcel;
import io.ordercare.logistics.shipment.ShipmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-based rules, evaluated whenever a parcel changes and whenever its next check falls due: stuck (no
 * scan for longer than the route's usual gap allows), lost suspicion (silent far longer still), delay risk
 * (predicted arrival after the end of the promised date). Each finding names its episode so the caller
 * raises it once; the result also says when the parcel next needs looking at, which is what the sweep's
 * index is on.
 */
public final class ShipmentWatch {

    private final DetectionThresholds thresholds;

    public ShipmentWatch(DetectionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public record Evaluation(List<Finding> findings, Instant predictedArrival, Instant nextCheckAt) {
    }

    public Evaluation evaluate(Parcel p, RouteProfile route, Instant now) {
        List<Finding> findings = new ArrayList<>();
        if (p.status.isFinal()) {
            return new Evaluation(findings, p.deliveredAt, p.orderSyncStatus == null ? null : p.orderSyncDueAt);
        }
        Instant activity = p.lastActivity();
        String episode = activity.toString();
        Instant next = p.orderSyncStatus == null ? null : p.orderSyncDueAt;

        Instant stuckAt = activity.plus(route.stuckAfter());
        if (!activity.equals(p.stuckAlertedFor)) {
            if (!now.isBefore(stuckAt)) {
                findings.add(new Finding(AlertType.STUCK, episode, stuckAt, Duration.between(activity, now)));
            } else {
                next = earliest(next, stuckAt);
            }
        }
        Instant lostAt = activity.plus(route.lostAfter());
        if (!activity.equals(p.lostAlertedFor)) {
            if (!now.isBefore(lostAt)) {
                findings.add(new Finding(AlertType.LOST_SUSPECTED, episode, lostAt, Duration.between(activity, now)));
            } else {
                next = earliest(next, lostAt);
            }
        }

        Duration remaining = p.status == ShipmentStatus.OUT_FOR_DELIVERY ? thresholds.outForDeliveryRemaining()
                : route.usualGap();
        Instant byTransit = p.shippedAt.plus(route.expectedTransit());
        Instant predicted = latest(byTransit, now.plus(remaining));
        if (p.promisedDate != null && !p.promisedDate.equals(p.delayAlertedFor)) {
            Instant deadline = p.promisedDate.plusDays(1).atStartOfDay(thresholds.promiseZone()).toInstant();
            // with time passing, "now + remaining" alone crosses the deadline at this moment
            Instant crossesAt = deadline.minus(remaining);
            if (predicted.isAfter(deadline)) {
                // known from the route's transit time at once, or reached by the passing of time
                Instant due = byTransit.isAfter(deadline) ? now : crossesAt;
                findings.add(new Finding(AlertType.DELAY_RISK, p.promisedDate.toString(), due, null));
            } else {
                next = earliest(next, crossesAt.plusSeconds(1));
            }
        }
        return new Evaluation(findings, predicted, next);
    }

    public Duration outForDeliveryRemaining() {
        return thresholds.outForDeliveryRemaining();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
