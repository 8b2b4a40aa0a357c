package io.ordercare.logistics.detection;

/** What a route taught so far: the gaps between consecutive scans and the time from shipping to delivery. */
public record RouteStats(RunningStats gaps, RunningStats transits) {

    public static final RouteStats NONE = new RouteStats(RunningStats.EMPTY, RunningStats.EMPTY);

    public RouteStats merge(RouteStats other) {
        return new RouteStats(gaps.merge(other.gaps), transits.merge(other.transits));
    }
}
