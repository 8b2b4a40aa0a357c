package io.ordercare.gateway.anomaly;

/** What an anomaly flag on an order is about; stored by name in {@code order_flag.kind}. */
public enum FlagKind {
    /** A unit was paid far below or above its list price. */
    PRICE_ANOMALY,
    /** More units are ordered than are in stock. */
    STOCK_SHORTAGE,
    /** Enough signs of fraud come together. */
    FRAUD_RISK,
    /** The shipping address was changed after the order was paid. */
    ADDRESS_CHANGED_AFTER_PAYMENT
}
