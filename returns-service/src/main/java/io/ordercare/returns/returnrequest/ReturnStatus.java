package io.ordercare.returns.returnrequest;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a return request (RMA):
 * REQUESTED → APPROVED | REJECTED; APPROVED → PICKUP_SCHEDULED → IN_TRANSIT → RECEIVED → INSPECTED →
 * REFUNDED | EXCHANGE_SHIPPED → CLOSED. A parcel delivered to the warehouse without an earlier transit scan goes
 * from PICKUP_SCHEDULED to RECEIVED; a failed inspection or a cancelled approval closes the return.
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    PICKUP_SCHEDULED,
    IN_TRANSIT,
    RECEIVED,
    INSPECTED,
    REFUNDED,
    EXCHANGE_SHIPPED,
    CLOSED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(PICKUP_SCHEDULED, CLOSED),
            REJECTED, EnumSet.noneOf(ReturnStatus.class),
            PICKUP_SCHEDULED, EnumSet.of(IN_TRANSIT, RECEIVED),
            IN_TRANSIT, EnumSet.of(RECEIVED),
            RECEIVED, EnumSet.of(INSPECTED),
            INSPECTED, EnumSet.of(REFUNDED, EXCHANGE_SHIPPED, CLOSED),
            REFUNDED, EnumSet.of(CLOSED),
            EXCHANGE_SHIPPED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ReturnStatus.class));

    public boolean canMoveTo(ReturnStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The status a return-parcel scan moves a return to; null for codes that change nothing. */
    public static ReturnStatus forScan(String code) {
        return switch (code == null ? "" : code) {
            case "PICKED_UP", "IN_TRANSIT", "ARRIVED", "DEPARTED", "OUT_FOR_DELIVERY" -> IN_TRANSIT;
            case "DELIVERED" -> RECEIVED;
            default -> null;
        };
    }

    /** Still holds items back from other returns and refunds (a rejected or failed return frees them). */
    public boolean holdsItems() {
        return this != REJECTED;
    }

    /** The CloudEvent type announcing this status. */
    public String eventType() {
        return switch (this) {
            case EXCHANGE_SHIPPED -> "exchange.shipped";
            default -> "return." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }
}
