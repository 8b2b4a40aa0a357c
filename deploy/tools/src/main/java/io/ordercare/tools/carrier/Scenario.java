package io.ordercare.tools.carrier;

/** How a simulated parcel's journey goes. */
public enum Scenario {
    /** Picked up, through two hubs, out for delivery, delivered within about two days. */
    DELIVERED,
    /** Scanned up to the first hub, then silent. */
    STUCK,
    /** Delivered, but with long waits between hubs (about five days). */
    LATE,
    /** A failed attempt, then delivered the next day. */
    FAILED_THEN_DELIVERED,
    /** Three failed attempts, then back to the sender. */
    RETURNED,
    /** The courier reports an address problem, then delivers. */
    ADDRESS_PROBLEM
}
