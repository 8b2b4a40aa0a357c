package io.ordercare.tools.carrier;

import java.time.Instant;

/** A parcel the simulator scans: carrier code (SF, YTO, JD, UPS ...), tracking number, route, when it shipped. */
public record SimulatedParcel(String carrier, String trackingNumber, String origin, String destination, Instant shippedAt) {
}
