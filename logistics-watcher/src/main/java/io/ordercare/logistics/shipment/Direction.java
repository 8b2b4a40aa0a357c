package io.ordercare.logistics.shipment;

/** An order's parcel on its way to the customer, or a return parcel on its way back. */
public enum Direction {
    OUTBOUND,
    RETURN
}
