package io.ordercare.tools.carrier;

/** The scans a simulated carrier emits; each format renders them in its own codes. */
public enum ScanKind {
    PICKED_UP,
    DEPARTED,
    ARRIVED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    ADDRESS_PROBLEM,
    RETURNED
}
