package io.ordercare.logistics.detection;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The knobs of detection. A route's learned numbers replace the defaults once it has {@code minSamples}
 * observations; the stuck threshold is the route's mean gap plus {@code gapSigmas} standard deviations,
 * kept between {@code minStuckAfter} and {@code maxStuckAfter}.
 */
public record DetectionThresholds(Duration defaultGap, Duration defaultStuckAfter, double gapSigmas,
        Duration minStuckAfter, Duration maxStuckAfter, double lostAfterStuckFactor, Duration minLostAfter,
        Duration defaultTransit, long minSamples, Duration outForDeliveryRemaining, ZoneId promiseZone) {

    /** The profile of a route with these statistics. */
    public RouteProfile profile(RouteStats stats) {
        Duration usualGap = defaultGap;
        Duration stuckAfter = defaultStuckAfter;
        long gapSamples = 0;
        if (stats.gaps().count() >= minSamples) {
            gapSamples = stats.gaps().count();
            usualGap = seconds(stats.gaps().mean());
            Duration learned = seconds(stats.gaps().mean() + gapSigmas * stats.gaps().standardDeviation());
            stuckAfter = clamp(learned, minStuckAfter, maxStuckAfter);
        }
        Duration lostAfter = max(seconds(stuckAfter.toSeconds() * lostAfterStuckFactor), minLostAfter);
        Duration transit = defaultTransit;
        long transitSamples = 0;
        if (stats.transits().count() >= minSamples) {
            transitSamples = stats.transits().count();
            transit = seconds(stats.transits().mean());
        }
        return new RouteProfile(usualGap, stuckAfter, lostAfter, transit, gapSamples, transitSamples);
    }

    private static Duration seconds(double s) {
        return Duration.ofSeconds(Math.max(1, Math.round(s)));
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
