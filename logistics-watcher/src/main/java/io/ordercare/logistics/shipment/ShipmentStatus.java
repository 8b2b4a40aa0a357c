package io.ordercare.logistics.shipment;

import io.ordercare.logistics.tracking.ScanCode;

/** Where a parcel is, as its latest scan says. DELIVERED and RETURNED_TO_SENDER are final. */
public enum ShipmentStatus {
    AWAITING_PICKUP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    EXCEPTION,
    DELIVERED,
    RETURNED_TO_SENDER;

    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED_TO_SENDER;
    }

    static ShipmentStatus after(ScanCode code) {
        return switch (code) {
            case PICKED_UP, IN_TRANSIT, ARRIVED -> IN_TRANSIT;
            case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
            case DELIVERED -> DELIVERED;
            case DELIVERY_FAILED -> DELIVERY_FAILED;
            case ADDRESS_PROBLEM, EXCEPTION -> EXCEPTION;
            case RETURNED_TO_SENDER -> RETURNED_TO_SENDER;
        };
    }
}
