package io.ordercare.logistics.tracking;

/** What a scan means, whatever the carrier called it. */
public enum ScanCode {
    PICKED_UP,
    IN_TRANSIT,
    ARRIVED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    ADDRESS_PROBLEM,
    RETURNED_TO_SENDER,
    EXCEPTION
}
