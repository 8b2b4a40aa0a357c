package io.ordercare.logistics.detection;

import java.time.Duration;

/**
 * What to expect of a parcel on a route: the usual gap between scans, how long a silence may last before
 * the parcel counts as stuck and then as possibly lost, and the expected time from shipping to delivery.
 *
 * @param gapSamples scan gaps the stuck threshold rests on (0: the default)
 * @param transitSamples deliveries the expected transit time rests on (0: the default)
 */
public record RouteProfile(Duration usualGap, Duration stuckAfter, Duration lostAfter, Duration expectedTransit,
        long gapSamples, long transitSamples) {

    public boolean transitLearned() {
        return transitSamples > 0;
    }
}
