package io.ordercare.gateway.cdc;

import io.ordercare.platform.CloudEvent;

/** A domain event derived from one committed row change, ready for {@code order.changes}. */
public record OrderEvent(String orderId, CloudEvent event) {

    public static final String CREATED = "order.created";
    public static final String STATUS_CHANGED = "order.status-changed";
    public static final String ADDRESS_CHANGED = "order.address-changed";
    public static final String ITEMS_CHANGED = "order.items-changed";
    public static final String FLAGGED = "order.flagged";
    public static final String CANCELLED = "order.cancelled";
    public static final String PAYMENT_CHANGED = "payment.changed";
}
