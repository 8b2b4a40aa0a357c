package io.ordercare.logistics.detection;

/** A carrier on a route between two cities: the unit transit statistics are learned for. */
public record RouteKey(String carrier, String origin, String destination) {

    public RouteKey {
        origin = origin == null ? "" : origin;
        destination = destination == null ? "" : destination;
    }
}
