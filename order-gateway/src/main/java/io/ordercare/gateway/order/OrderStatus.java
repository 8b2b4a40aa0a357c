package io.ordercare.gateway.order;

/** The order lifecycle of DESIGN.md; {@link OrderLifecycle} says which moves are allowed. */
public enum OrderStatus {
    PLACED,
    AWAITING_CONFIRMATION,
    CONFIRMED,
    PACKING,
    SHIPPED,
    DELIVERED,
    COMPLETED,
    ON_HOLD,
    CANCELLED
}
